import { create } from 'zustand';
import { fetchAnswer } from '@/lib/client/answer-client';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { rillError, type RillError } from '@/lib/errors';
import {
  addPanel,
  emptyBoard,
  endRun,
  findPanel,
  interruptRuns,
  promptFor,
  removePanel,
  setComparePrompt,
  setMode,
  startRun,
  updatePanel,
  type Board,
  type BoardChange,
  type CollaborateMode,
} from '@/lib/collaborate/board';
import { appendDelta, emptyRunStream, type PanelSettings, type RunDelta, type RunStream } from '@/lib/collaborate/panel';
import { conversationFromPanel } from '@/lib/collaborate/panel-conversation';
import { cleanName, type Person } from '@/lib/collaborate/person';
import type { RoomCommand } from '@/lib/collaborate/room-commands';
import { connectRoom, type RoomConnectionStatus } from '@/lib/collaborate/room-connection';
import { createRoom, sendRoomCommand } from '@/lib/collaborate/room-requests';
import { logFinishedRuns, type RunRecord } from '@/lib/collaborate/run-log';
import { sharedPage } from '@/lib/collaborate/shared-page';
import { createFrameBatcher } from './frame-batcher';
import { applyRoomMessage, streamsFor, withPendingEdits, type PendingEdits, type RoomView } from '@/lib/collaborate/room-view';
import { loadPage, savePage } from './collaborate-page-storage';

export interface RoomSession {
  id: string;
  status: RoomConnectionStatus;
  /** Who is in the room, in the order they came. */
  people: Person[];
  /** Which of them this browser is, once the room has said. */
  you?: Person;
}

export interface CollaborateState {
  board: Board;
  /** Each run's text, by run id: a token updates one of these and nothing else. */
  streams: Record<string, RunStream>;
  /** The figures of every run this page saw finish, kept after its panel runs again: for comparing models. */
  runLog: RunRecord[];
  /** Outside a room, each running panel's controller: stopping a panel aborts its own request. */
  controllers: Record<string, AbortController>;
  /** Set while this page is a shared room; then the server runs the prompts and this page follows. */
  room: RoomSession | null;
  /** The last thing that could not be done (a limit, a refused change), for the page to show. */
  notice: RillError | null;
  sharing: boolean;
  /** The name this browser asks to be shown under in rooms; empty for "Guest N". Kept across visits. */
  name: string;

  addPanel: () => void;
  removePanel: (panelId: string) => void;
  editPanel: (panelId: string, patch: Partial<PanelSettings>) => void;
  setMode: (mode: CollaborateMode) => void;
  setComparePrompt: (prompt: string) => void;
  run: (panelId: string) => void;
  stop: (panelId: string) => void;
  runAll: () => void;
  stopAll: () => void;
  share: () => Promise<string | null>;
  enterRoom: (roomId: string) => () => void;
  /** Outside a room: brings back the page as it was before the last reload, then keeps it saved. */
  restorePage: () => void;
  /** Shows this browser under `name` in rooms (a room it is in hears it at once). */
  setName: (name: string) => void;
  /** Copies a panel's prompt and answer into Chat as a new conversation; returns its id. */
  openInChat: (panelId: string) => Promise<string | undefined>;
  dismissNotice: () => void;
}

/** How long typing waits before it is sent to the room: one request per pause, not per key. */
const EDIT_DEBOUNCE_MS = 300;

const starterBoard = (): Board => ({ ...emptyBoard(), panels: [1, 2, 3].map(() => ({ id: crypto.randomUUID(), prompt: '' })) });

const NAME_KEY = 'rill-room-name';
const savedName = () => (typeof localStorage === 'undefined' ? '' : (localStorage.getItem(NAME_KEY) ?? ''));

export const useCollaborateStore = create<CollaborateState>()((set, get, api) => {
  // Room-only bookkeeping that no component renders.
  const clientId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
  let view: RoomView | null = null;
  let pending: PendingEdits = { panels: {} };
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Set while this page's own panels are shown and saved: not in a room, and once restored. */
  let keepingPage = false;
  /** Rejoins the room under the name now set (the room learns names as people join). */
  let rejoinRoom: (() => void) | undefined;

  api.subscribe((state, previous) => {
    if (keepingPage && !state.room && (state.board !== previous.board || state.streams !== previous.streams || state.runLog !== previous.runLog)) {
      savePage({ board: state.board, streams: streamsFor(state.board, state.streams), runLog: state.runLog });
    }
  });

  // Every board change passes here, a local run's end and a room's alike: a run that just finished joins the log.
  api.subscribe((state, previous) => {
    if (state.board === previous.board) return;
    const runLog = logFinishedRuns(state.runLog, state.board, state.streams);
    if (runLog !== state.runLog) set({ runLog });
  });

  const refuse = (message: string) => set({ notice: rillError('bad_request', message) });

  /** Outside a room, a change applies here and now. */
  const applyLocal = (change: BoardChange): boolean => {
    if (!change.ok) {
      refuse(change.error);
      return false;
    }
    set({ board: change.board, notice: null });
    return true;
  };

  const command = async (roomId: string, body: RoomCommand): Promise<boolean> => {
    const result = await sendRoomCommand(roomId, { ...body, by: clientId });
    if (!result.ok) set({ notice: result.error });
    return result.ok;
  };

  const showView = () => {
    if (view) set({ board: withPendingEdits(view.board, pending), streams: view.streams });
  };

  /** Sends this browser's unconfirmed edits to the room now, instead of after the typing pause. */
  const flushEdits = async (roomId: string) => {
    for (const timer of editTimers.values()) clearTimeout(timer);
    editTimers.clear();
    const edits = pending;
    const sends: Promise<boolean>[] = Object.entries(edits.panels).map(([panelId, patch]) => command(roomId, { action: 'update-panel', panelId, patch }));
    if (edits.comparePrompt !== undefined) sends.push(command(roomId, { action: 'set-compare-prompt', prompt: edits.comparePrompt }));
    await Promise.all(sends);
    // Keep only what was typed while these were on their way.
    pending = {
      panels: Object.fromEntries(Object.entries(pending.panels).filter(([panelId, patch]) => patch !== edits.panels[panelId])),
      comparePrompt: pending.comparePrompt === edits.comparePrompt ? undefined : pending.comparePrompt,
    };
    showView();
  };

  const scheduleFlush = (roomId: string, key: string) => {
    clearTimeout(editTimers.get(key));
    editTimers.set(key, setTimeout(() => void flushEdits(roomId), EDIT_DEBOUNCE_MS));
  };

  const runLocally = async (panelId: string) => {
    const runId = crypto.randomUUID();
    const started = startRun(get().board, panelId, { id: runId, startedAt: Date.now() });
    if (!applyLocal(started)) return;
    const board = get().board;
    const panel = findPanel(board, panelId)!;
    const controller = new AbortController();
    set((state) => ({ streams: { ...state.streams, [runId]: emptyRunStream }, controllers: { ...state.controllers, [panelId]: controller } }));

    let metadata: AnswerMetadata | undefined;
    // Each piece keeps the time it arrived, for the run's figures; the screen gets them a frame at a time.
    const pieces = createFrameBatcher<RunDelta>((deltas) =>
      set((state) => ({ streams: { ...state.streams, [runId]: deltas.reduce(appendDelta, state.streams[runId] ?? emptyRunStream) } })),
    );
    const outcome = await fetchAnswer(
      '/api/collaborate/run',
      { prompt: promptFor(board, panel), model: panel.model || undefined, system: panel.system || undefined, temperature: panel.temperature },
      controller.signal,
      {
        onText: (text) => {
          const at = Date.now();
          pieces.add({ runId, text, chunks: 1, firstAt: at, lastAt: at });
        },
        onMetadata: (next) => (metadata = { ...metadata, ...next }),
      },
    );
    pieces.flush();
    const end = endRun(get().board, panelId, runId, {
      status: outcome.status,
      endedAt: Date.now(),
      ...(outcome.status === 'error' ? { error: outcome.error } : {}),
      ...(metadata ? { metadata } : {}),
    });
    set((state) => {
      const { [panelId]: finished, ...controllers } = state.controllers;
      return { board: end.ok ? end.board : state.board, controllers: finished === controller ? controllers : state.controllers };
    });
  };

  return {
    board: starterBoard(),
    streams: {},
    runLog: [],
    controllers: {},
    room: null,
    notice: null,
    sharing: false,
    name: '',

    addPanel: () => {
      const { room, board } = get();
      if (room) void command(room.id, { action: 'add-panel', panel: { prompt: '', model: board.panels.at(-1)?.model } });
      else applyLocal(addPanel(board, crypto.randomUUID(), { prompt: '', model: board.panels.at(-1)?.model }));
    },

    removePanel: (panelId) => {
      const { room, board, controllers } = get();
      if (room) return void command(room.id, { action: 'remove-panel', panelId });
      controllers[panelId]?.abort();
      applyLocal(removePanel(board, panelId));
    },

    editPanel: (panelId, patch) => {
      const { room, board } = get();
      if (!applyLocal(updatePanel(board, panelId, patch)) || !room) return;
      pending = { ...pending, panels: { ...pending.panels, [panelId]: { ...pending.panels[panelId], ...patch } } };
      scheduleFlush(room.id, panelId);
    },

    setMode: (mode) => {
      const { room, board } = get();
      if (room) void command(room.id, { action: 'set-mode', mode });
      else applyLocal(setMode(board, mode));
    },

    setComparePrompt: (prompt) => {
      const { room, board } = get();
      applyLocal(setComparePrompt(board, prompt));
      if (!room) return;
      pending = { ...pending, comparePrompt: prompt };
      scheduleFlush(room.id, 'compare');
    },

    run: (panelId) => {
      const { room } = get();
      if (!room) return void runLocally(panelId);
      void flushEdits(room.id).then(() => command(room.id, { action: 'run', panelIds: [panelId], ...runBy(room) }));
    },

    stop: (panelId) => {
      const { room, controllers } = get();
      if (room) void command(room.id, { action: 'stop', panelIds: [panelId] });
      else controllers[panelId]?.abort();
    },

    runAll: () => {
      const { room, board } = get();
      const idle = board.panels.filter((panel) => panel.run?.status !== 'streaming').map((panel) => panel.id);
      if (idle.length === 0) return;
      if (!room) return idle.forEach((panelId) => void runLocally(panelId));
      void flushEdits(room.id).then(() => command(room.id, { action: 'run', panelIds: idle, ...runBy(room) }));
    },

    stopAll: () => {
      const { room, board, controllers } = get();
      const running = board.panels.filter((panel) => panel.run?.status === 'streaming').map((panel) => panel.id);
      if (running.length === 0) return;
      if (room) void command(room.id, { action: 'stop', panelIds: running });
      else for (const panelId of running) controllers[panelId]?.abort();
    },

    share: async () => {
      const { board, streams, room } = get();
      if (room) return room.id;
      set({ sharing: true, notice: null });
      const result = await createRoom(sharedPage(board, streams));
      set({ sharing: false, notice: result.ok ? null : result.error });
      return result.ok ? result.data.roomId : null;
    },

    enterRoom: (roomId) => {
      keepingPage = false;
      for (const controller of Object.values(get().controllers)) controller.abort();
      view = null;
      pending = { panels: {} };
      set({ room: { id: roomId, status: { kind: 'connecting' }, people: [] }, board: emptyBoard(), streams: {}, runLog: [], controllers: {}, notice: null, name: savedName() });
      const connect = () =>
        connectRoom(roomId, get().name, {
          onMessage: (message) => {
            const next = applyRoomMessage(view, message);
            if (next === 'resync') return 'resync';
            const boardChanged = next.board !== view?.board;
            view = next;
            if (boardChanged) showView();
            else set({ streams: next.streams });
            const room = get().room;
            if (room && (room.people !== next.people || room.you !== next.you)) set({ room: { ...room, people: next.people, you: next.you } });
            return 'ok';
          },
          onStatus: (status) => {
            const room = get().room;
            if (room?.id === roomId) set({ room: { ...room, status } });
          },
        });
      let disconnect = connect();
      rejoinRoom = () => {
        disconnect();
        disconnect = connect();
      };
      return () => {
        disconnect();
        rejoinRoom = undefined;
        for (const timer of editTimers.values()) clearTimeout(timer);
        editTimers.clear();
        view = null;
        set({ room: null, board: starterBoard(), streams: {}, runLog: [] });
      };
    },

    restorePage: () => {
      if (get().room) return;
      const saved = loadPage();
      if (saved) {
        const board = interruptRuns(saved.board, (runId) => saved.streams[runId]?.lastTokenAt);
        set({ board, streams: streamsFor(board, saved.streams), runLog: saved.runLog });
      }
      keepingPage = true;
    },

    setName: (typed) => {
      const name = cleanName(typed);
      if (name === get().name) return;
      if (name) localStorage.setItem(NAME_KEY, name);
      else localStorage.removeItem(NAME_KEY);
      set({ name });
      rejoinRoom?.();
    },

    openInChat: async (panelId) => {
      const { board, streams } = get();
      const panel = findPanel(board, panelId);
      if (!panel?.run) return undefined;
      // Chat's store loads only for this: the Collaborate page does not carry it otherwise.
      const { useChatStore } = await import('./chat/store');
      // This browser's chats first: importing into a store not yet read from storage would write over them.
      await useChatStore.persist.rehydrate();
      const conversation = conversationFromPanel(
        { prompt: promptFor(board, panel), settings: panel },
        { run: panel.run, text: streams[panel.run.id]?.text ?? '' },
        { newId: () => crypto.randomUUID(), now: Date.now() },
      );
      useChatStore.getState().importConversations([conversation]);
      return conversation.id;
    },

    dismissNotice: () => set({ notice: null }),
  };
});

/** The name a run in this room is shown as started by: this browser's, as the room knows it. */
function runBy(room: RoomSession): { who?: string } {
  return room.you ? { who: room.you.name } : {};
}
