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
