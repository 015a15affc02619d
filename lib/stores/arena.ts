import { create } from 'zustand';
import { arenaAnswerPath, castVote, createBattle } from '@/lib/arena/arena-requests';
import { arenaSides, type ArenaSide } from '@/lib/arena/contestant';
import type { VoteChoice, VoteResponse } from '@/lib/arena/vote';
import { fetchAnswer } from '@/lib/client/answer-client';
import { appendDelta, emptyRunStream, type PanelRun, type RunDelta, type RunStream } from '@/lib/collaborate/panel';
import type { RillError } from '@/lib/errors';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { createFrameBatcher } from './frame-batcher';

export interface ArenaBattle {
  id: string;
  /** The prompt as sent: the box may be edited for the next battle meanwhile. */
  prompt: string;
  /** Why this battle is not between two models, when it is not. */
  note?: string;
}

type BySide<T> = Record<ArenaSide, T>;

export interface ArenaState {
  /** What is in the prompt box; a failed start keeps it. */
  prompt: string;
  battle: ArenaBattle | null;
  starting: boolean;
  /** Each side's answer: how it is going or how it ended. Its text is in `streams`, so a token touches one small object. */
  runs: Partial<BySide<PanelRun>>;
  streams: BySide<RunStream>;
  /** Each streaming side's controller, with the state of that stream: Stop aborts the request, and the model call with it. */
  controllers: Partial<BySide<AbortController>>;
  voting: boolean;
  /** Who answered, once voted. */
  reveal: VoteResponse['reveal'] | null;
  /** What could not be done (a limit, a vote refused), for the page to show. */
  notice: RillError | null;

  setPrompt: (prompt: string) => void;
  start: () => Promise<void>;
  retry: (side: ArenaSide) => void;
  stop: () => void;
  vote: (choice: VoteChoice) => Promise<void>;
  newBattle: () => void;
  dismissNotice: () => void;
}

/** Both sides have answered, one way or another: the vote waits for that, since a judgement needs both answers. */
export const bothEnded = (runs: ArenaState['runs']) => arenaSides.every((side) => runs[side] !== undefined && runs[side].status !== 'streaming');

const noStreams = (): BySide<RunStream> => ({ a: emptyRunStream, b: emptyRunStream });

export const useArenaStore = create<ArenaState>()((set, get) => {
  const answer = async (battleId: string, side: ArenaSide) => {
    const run: PanelRun = { id: crypto.randomUUID(), status: 'streaming', startedAt: Date.now() };
    const controller = new AbortController();
    set((state) => ({ runs: { ...state.runs, [side]: run }, streams: { ...state.streams, [side]: emptyRunStream }, controllers: { ...state.controllers, [side]: controller } }));
    // A battle replaced by a new one while this answered must not write into the new one's panes.
    const current = () => get().battle?.id === battleId && get().runs[side]?.id === run.id;

    let metadata: AnswerMetadata | undefined;
    const pieces = createFrameBatcher<RunDelta>((deltas) => {
      if (current()) set((state) => ({ streams: { ...state.streams, [side]: deltas.reduce(appendDelta, state.streams[side]) } }));
    });
    const outcome = await fetchAnswer(arenaAnswerPath, { battleId, side }, controller.signal, {
      onText: (text) => {
        const at = Date.now();
        pieces.add({ runId: run.id, text, chunks: 1, firstAt: at, lastAt: at });
      },
      onMetadata: (next) => (metadata = { ...metadata, ...next }),
    });
    pieces.flush();
    if (!current()) return;
    const { [side]: _done, ...controllers } = get().controllers;
    const ended: PanelRun = { ...run, status: outcome.status, endedAt: Date.now(), ...(outcome.status === 'error' ? { error: outcome.error } : {}), ...(metadata ? { metadata } : {}) };
    set((state) => ({ runs: { ...state.runs, [side]: ended }, controllers }));
  };

  const abortAll = () => {
    for (const controller of Object.values(get().controllers)) controller?.abort();
  };

  return {
    prompt: '',
    battle: null,
    starting: false,
    runs: {},
    streams: noStreams(),
    controllers: {},
    voting: false,
    reveal: null,
    notice: null,

    setPrompt: (prompt) => set({ prompt }),

    start: async () => {
      const prompt = get().prompt;
      if (!prompt.trim() || get().starting) return;
      abortAll();
      set({ starting: true, notice: null });
      const created = await createBattle(prompt);
      if (!created.ok) return set({ starting: false, notice: created.error });
      const { battleId, note } = created.data;
      set({ starting: false, battle: { id: battleId, prompt, note }, runs: {}, streams: noStreams(), controllers: {}, reveal: null, voting: false });
      for (const side of arenaSides) void answer(battleId, side);
    },

    retry: (side) => {
      const { battle, reveal } = get();
      if (battle && !reveal) void answer(battle.id, side);
    },

    stop: abortAll,

    vote: async (choice) => {
      const { battle, voting, reveal } = get();
      if (!battle || voting || reveal || !bothEnded(get().runs)) return;
      set({ voting: true, notice: null });
      const result = await castVote(battle.id, choice);
      if (get().battle?.id !== battle.id) return;
      set(result.ok ? { voting: false, reveal: result.data.reveal } : { voting: false, notice: result.error });
    },

    newBattle: () => {
      abortAll();
      set({ battle: null, runs: {}, streams: noStreams(), controllers: {}, reveal: null, voting: false, notice: null });
    },

    dismissNotice: () => set({ notice: null }),
  };
});
