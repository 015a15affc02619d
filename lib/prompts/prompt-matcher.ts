import { builtInPrompts } from './built-in-prompts';
import type { SavedPrompt } from './saved-prompt';

/** The `/query` being typed: where its slash is and what follows it, up to the caret. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

/** Longer than any prompt's name: past it the slash was not asking for one. */
const MAX_QUERY_CHARS = 100;

/**
 * The `/query` the caret is at the end of, if any. The slash must start the message or follow a
 * space or a new line (so a path or a URL such as `a/b` never opens the menu), and the query runs to
 * the caret on one line: names have spaces (`/explain c`).
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const line = text.slice(0, caret).split('\n').at(-1)!;
  const slash = line.lastIndexOf('/');
  if (slash < 0 || (slash > 0 && !/\s/.test(line[slash - 1]!))) return null;
  const query = line.slice(slash + 1);
  if (query.length > MAX_QUERY_CHARS) return null;
  return { start: caret - line.length + slash, end: caret, query };
}

/**
 * The prompts whose name holds the query (ignoring case): those it starts first, then the rest, each
 * group in the order given. An empty query matches all.
 */
export function matchPrompts(prompts: readonly SavedPrompt[], query: string): SavedPrompt[] {
  const wanted = query.trim().toLowerCase();
  const starting: SavedPrompt[] = [];
  const containing: SavedPrompt[] = [];
  for (const prompt of prompts) {
    const name = prompt.name.toLowerCase();
    if (name.startsWith(wanted)) starting.push(prompt);
    else if (name.includes(wanted)) containing.push(prompt);
  }
  return [...starting, ...containing];
}

/** What the `/` menu offers: the user's prompts, then the built-ins none of theirs is named like. */
export function menuPrompts(saved: readonly SavedPrompt[], query: string): SavedPrompt[] {
  const names = new Set(saved.map((prompt) => prompt.name.trim().toLowerCase()));
  const builtIns = builtInPrompts.filter((prompt) => !names.has(prompt.name.toLowerCase()));
  return matchPrompts([...saved, ...builtIns], query);
}

/** The message with the `/query` replaced by the prompt's text, and where the caret goes: after it. */
export function insertPrompt(text: string, at: SlashQuery, promptText: string): { text: string; caret: number } {
  return { text: text.slice(0, at.start) + promptText + text.slice(at.end), caret: at.start + promptText.length };
}

/** The message without the `/query` (it named a command, not text to keep). */
export function removeQuery(text: string, at: SlashQuery): { text: string; caret: number } {
  return insertPrompt(text, at, '');
}
