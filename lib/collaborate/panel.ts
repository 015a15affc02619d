import { z } from 'zod';
import { answerMetadataSchema, rillErrorSchema } from '@/lib/protocol/schemas';

/**
 * At most this many panels on a page or in a room. Six, not more: over HTTP/1.1 a browser opens at
 * most six connections to one host, so a seventh local panel would wait for another to finish and the
 * answers would no longer stream side by side.
 */
export const MAX_PANELS = 6;
export const MAX_PROMPT_CHARS = 20_000;
export const MAX_SYSTEM_CHARS = 10_000;

export const tooManyPanelsMessage = `At most ${MAX_PANELS} prompts fit side by side. Remove one to add another.`;

/** What a panel asks: the prompt, and optionally which model answers, with what instructions and temperature. */
export const panelSettingsSchema = z.object({
  prompt: z.string().max(MAX_PROMPT_CHARS, `A prompt may hold at most ${MAX_PROMPT_CHARS.toLocaleString('en')} characters.`),
  model: z.string().trim().max(200).optional(),
  system: z.string().max(MAX_SYSTEM_CHARS).optional(),
  temperature: z.number().min(0).max(2).optional(),
});

export type PanelSettings = z.infer<typeof panelSettingsSchema>;

export const runStatusSchema = z.enum(['streaming', 'done', 'stopped', 'error']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** One answer to a panel's prompt: how it is going or how it ended. Its text streams separately. */
export const panelRunSchema = z.object({
  id: z.string(),
  status: runStatusSchema,
  /** Milliseconds since the epoch, on the clock of whoever runs the model call. */
  startedAt: z.number(),
  endedAt: z.number().optional(),
  error: rillErrorSchema.optional(),
  metadata: answerMetadataSchema.optional(),
});

export type PanelRun = z.infer<typeof panelRunSchema>;

export const panelSchema = panelSettingsSchema.extend({
  id: z.string(),
  run: panelRunSchema.optional(),
});

export type Panel = z.infer<typeof panelSchema>;

/**
 * The text of a run as it arrives, kept apart from the panel so that a token touches this one small
 * object and nothing else. Times are on the same clock as the run's startedAt.
 */
export const runStreamSchema = z.object({
  text: z.string(),
  /** Pieces of text received: the provider sends about one token per piece. */
  chunks: z.number(),
  firstTokenAt: z.number().optional(),
  lastTokenAt: z.number().optional(),
});

export type RunStream = z.infer<typeof runStreamSchema>;

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

/** A panel run outside a room: its settings, with a prompt that says something. */
export const panelRunRequestSchema = panelSettingsSchema.extend({
  prompt: panelSettingsSchema.shape.prompt.refine((prompt) => prompt.trim().length > 0, 'Write a prompt first.'),
});
