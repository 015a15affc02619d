import { create } from 'zustand';
import { fetchAnswer } from '@/lib/client/answer-client';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { rillError, type RillError } from '@/lib/errors';
import {
  addPanel,
  emptyBoard,
  endRun,
  findPanel,
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
import type { RoomCommand } from '@/lib/collaborate/room-commands';
import { connectRoom, type RoomConnectionStatus } from '@/lib/collaborate/room-connection';
import { createRoom, sendRoomCommand } from '@/lib/collaborate/room-requests';
import { createFrameBatcher } from './frame-batcher';
import { applyRoomMessage, withPendingEdits, type PendingEdits, type RoomView } from '@/lib/collaborate/room-view';

export interface RoomSession {
  id: string;
  status: RoomConnectionStatus;
  participants: number;
}

export interface CollaborateState {
  board: Board;
  /** Each run's text, by run id: a token updates one of these and nothing else. */
  streams: Record<string, RunStream>;
  /** Outside a room, each running panel's controller: stopping a panel aborts its own request. */
  controllers: Record<string, AbortController>;
  /** Set while this page is a shared room; then the server runs the prompts and this page follows. */
  room: RoomSession | null;
  /** The last thing that could not be done (a limit, a refused change), for the page to show. */
  notice: RillError | null;
  sharing: boolean;

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
  dismissNotice: () => void;
}

/** How long typing waits before it is sent to the room: one request per pause, not per key. */
const EDIT_DEBOUNCE_MS = 300;

const starterBoard = (): Board => ({ ...emptyBoard(), panels: [1, 2, 3].map(() => ({ id: crypto.randomUUID(), prompt: '' })) });

export const useCollaborateStore = create<CollaborateState>()((set, get) => {
  // Room-only bookkeeping that no component renders.
  const clientId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
  let view: RoomView | null = null;
  let pending: PendingEdits = { panels: {} };
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();

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
    controllers: {},
    room: null,
    notice: null,
    sharing: false,

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
      void flushEdits(room.id).then(() => command(room.id, { action: 'run', panelIds: [panelId] }));
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
      void flushEdits(room.id).then(() => command(room.id, { action: 'run', panelIds: idle }));
    },

    stopAll: () => {
      const { room, board, controllers } = get();
      const running = board.panels.filter((panel) => panel.run?.status === 'streaming').map((panel) => panel.id);
      if (running.length === 0) return;
      if (room) void command(room.id, { action: 'stop', panelIds: running });
      else for (const panelId of running) controllers[panelId]?.abort();
    },

    share: async () => {
      const { board, room } = get();
      if (room) return room.id;
      set({ sharing: true, notice: null });
      const result = await createRoom({
        mode: board.mode,
        comparePrompt: board.comparePrompt,
        panels: board.panels.map(({ prompt, model, system, temperature }) => ({ prompt, model, system, temperature })),
      });
      set({ sharing: false, notice: result.ok ? null : result.error });
      return result.ok ? result.data.roomId : null;
    },

    enterRoom: (roomId) => {
      for (const controller of Object.values(get().controllers)) controller.abort();
      view = null;
      pending = { panels: {} };
      set({ room: { id: roomId, status: { kind: 'connecting' }, participants: 0 }, board: emptyBoard(), streams: {}, controllers: {}, notice: null });
      const disconnect = connectRoom(roomId, {
        onMessage: (message) => {
          const next = applyRoomMessage(view, message);
          if (next === 'resync') return 'resync';
          const boardChanged = next.board !== view?.board;
          view = next;
          if (boardChanged) showView();
          else set({ streams: next.streams });
          const room = get().room;
          if (room && room.participants !== next.participants) set({ room: { ...room, participants: next.participants } });
          return 'ok';
        },
        onStatus: (status) => {
          const room = get().room;
          if (room?.id === roomId) set({ room: { ...room, status } });
        },
      });
      return () => {
        disconnect();
        for (const timer of editTimers.values()) clearTimeout(timer);
        editTimers.clear();
        view = null;
        set({ room: null, board: starterBoard(), streams: {} });
      };
    },

    dismissNotice: () => set({ notice: null }),
  };
});
