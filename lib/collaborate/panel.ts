import type { RillError } from '@/lib/errors';
import type { AnswerMetadata } from '@/lib/protocol/metadata';

/**
 * At most this many panels on a page or in a room. Six, not more: over HTTP/1.1 a browser opens at
 * most six connections to one host, so a seventh local panel would wait for another to finish and the
 * answers would no longer stream side by side.
 */
export const MAX_PANELS = 6;
export const MAX_PROMPT_CHARS = 20_000;
export const MAX_SYSTEM_CHARS = 10_000;
/** The longest answer a shared page carries into its room. */
export const MAX_SHARED_ANSWER_CHARS = 50_000;

export const tooManyPanelsMessage = `At most ${MAX_PANELS} prompts fit side by side. Remove one to add another.`;

/** What a panel asks: the prompt, and optionally which model answers, with what instructions and temperature. */
export interface PanelSettings {
  prompt: string;
  model?: string;
  system?: string;
  temperature?: number;
}

export const runStatuses = ['streaming', 'done', 'stopped', 'error'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** One answer to a panel's prompt: how it is going or how it ended. Its text streams separately. */
export interface PanelRun {
  id: string;
  status: RunStatus;
  /** Milliseconds since the epoch, on the clock of whoever runs the model call. */
  startedAt: number;
  endedAt?: number;
  error?: RillError;
  metadata?: AnswerMetadata;
  /** In a room, the name of whoever pressed Run. */
  by?: string;
}

export interface Panel extends PanelSettings {
  id: string;
  run?: PanelRun;
}

/**
 * The text of a run as it arrives, kept apart from the panel so that a token touches this one small
 * object and nothing else. Times are on the same clock as the run's startedAt.
 */
export interface RunStream {
  text: string;
  /** Pieces of text received: the provider sends about one token per piece. */
  chunks: number;
  firstTokenAt?: number;
  lastTokenAt?: number;
}

export const emptyRunStream: RunStream = { text: '', chunks: 0 };

/** Text that arrived together, with when its first and last pieces came. */
export interface RunDelta {
  runId: string;
  text: string;
  chunks: number;
  firstAt: number;
  lastAt: number;
}

export function appendDelta(stream: RunStream, delta: RunDelta): RunStream {
  return {
    text: stream.text + delta.text,
    chunks: stream.chunks + delta.chunks,
    firstTokenAt: stream.firstTokenAt ?? delta.firstAt,
    lastTokenAt: delta.lastAt,
  };
}
