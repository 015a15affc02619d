import { z } from '@/lib/zod';
import { answerMetadataSchema, rillErrorSchema } from '@/lib/protocol/schemas';
import { collaborateModes, type Board } from './board';
import { MAX_NAME_CHARS } from './person';
import { MAX_PROMPT_CHARS, MAX_SYSTEM_CHARS, runStatuses, type Panel, type PanelRun, type PanelSettings, type RunStream } from './panel';

/**
 * Collaborate's data as zod checks it where it comes from outside: requests on the server, and room
 * events in the browser (loaded only when a room is joined, so a page on its own carries no zod).
 */
export const collaborateModeSchema = z.enum(collaborateModes);

export const panelSettingsSchema = z.object({
  prompt: z.string().max(MAX_PROMPT_CHARS, `A prompt may hold at most ${MAX_PROMPT_CHARS.toLocaleString('en')} characters.`),
  model: z.string().trim().max(200).optional(),
  system: z.string().max(MAX_SYSTEM_CHARS).optional(),
  temperature: z.number().min(0).max(2).optional(),
}) satisfies z.ZodType<PanelSettings>;

export const panelRunSchema = z.object({
  id: z.string(),
  status: z.enum(runStatuses),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  error: rillErrorSchema.optional(),
  metadata: answerMetadataSchema.optional(),
  by: z.string().max(MAX_NAME_CHARS * 4).optional(),
}) satisfies z.ZodType<PanelRun>;

export const panelSchema = panelSettingsSchema.extend({ id: z.string(), run: panelRunSchema.optional() }) satisfies z.ZodType<Panel>;

export const boardSchema = z.object({ mode: collaborateModeSchema, comparePrompt: z.string(), panels: z.array(panelSchema) }) satisfies z.ZodType<Board>;

export const runStreamSchema = z.object({
  text: z.string(),
  chunks: z.number(),
  firstTokenAt: z.number().optional(),
  lastTokenAt: z.number().optional(),
}) satisfies z.ZodType<RunStream>;

/** A panel run outside a room: its settings, with a prompt that says something. */
export const panelRunRequestSchema = panelSettingsSchema.extend({
  prompt: panelSettingsSchema.shape.prompt.refine((prompt) => prompt.trim().length > 0, 'Write a prompt first.'),
});
