/** A prompt the user saved under a name, to insert into the message box with `/`. */
export interface SavedPrompt {
  id: string;
  name: string;
  text: string;
  /** When it was last changed (epoch ms): of two copies of one prompt, the newer wins. */
  updatedAt: number;
}

/** Everything one owner saved, kept and synced as one list (like settings). */
export interface PromptLibrary {
  prompts: SavedPrompt[];
  /** When the list last changed (epoch ms; 0: never): of two copies of the list, the newer wins. */
  updatedAt: number;
}

/** Limits the API enforces and the manager's fields mirror; zod-free so the chat page does not load zod. */
export const MAX_PROMPT_NAME_CHARS = 100;
export const MAX_PROMPT_TEXT_CHARS = 20_000;

/**
 * Two lists of prompts as one: every prompt either has, and of one both have (the same id), the newer.
 * For an imported file, and a guest's prompts meeting their account's: nothing is taken for deleted.
 */
export function mergePrompts(mine: readonly SavedPrompt[], theirs: readonly SavedPrompt[]): SavedPrompt[] {
  const merged = new Map(mine.map((prompt) => [prompt.id, prompt]));
  for (const prompt of theirs) {
    const kept = merged.get(prompt.id);
    if (!kept || prompt.updatedAt > kept.updatedAt) merged.set(prompt.id, prompt);
  }
  return [...merged.values()];
}

/** The same prompts, in the same order, at the same versions: then nothing needs saving. */
export function samePrompts(a: readonly SavedPrompt[], b: readonly SavedPrompt[]): boolean {
  return a.length === b.length && a.every((prompt, index) => prompt.id === b[index]!.id && prompt.updatedAt === b[index]!.updatedAt);
}
