import { z } from '@/lib/zod';
import { savedPromptSchema } from './prompt-schema';
import type { SavedPrompt } from './saved-prompt';

/** The JSON file "Export prompts" writes and "Import prompts" reads back. */
export const PROMPT_FILE_FORMAT = 'rill-prompts';
export const PROMPT_FILE_VERSION = 1;

const promptFileSchema = z.object({
  format: z.literal(PROMPT_FILE_FORMAT),
  version: z.literal(PROMPT_FILE_VERSION),
  exportedAt: z.string().optional(),
  prompts: z.array(savedPromptSchema),
});

export function promptsToJson(prompts: readonly SavedPrompt[], now = new Date()): string {
  const file: z.infer<typeof promptFileSchema> = { format: PROMPT_FILE_FORMAT, version: PROMPT_FILE_VERSION, exportedAt: now.toISOString(), prompts: [...prompts] };
  return JSON.stringify(file, null, 2);
}

export function promptFileName(now = new Date()): string {
  return `rill-prompts-${now.toISOString().slice(0, 10)}.json`;
}

export type PromptImport = { ok: true; prompts: SavedPrompt[] } | { ok: false; error: string };

/** Reads an exported file. All or nothing: one bad prompt rejects the whole file, saying where. */
export function parsePromptFile(text: string): PromptImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file made by "Export prompts".' };
  }
  const parsed = promptFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, prompts: parsed.data.prompts };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, error: `This is not a Rill prompts file${where}: ${issue?.message ?? 'unexpected content'}.` };
}
