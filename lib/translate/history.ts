import type { LanguageCode, SourceLanguage } from './languages';
import type { Tone } from './request-schema';

export interface HistoryEntry {
  id: string;
  text: string;
  translation: string;
  source: SourceLanguage;
  /** What the model found the text to be in, when the source was detected. */
  detected?: LanguageCode;
  target: LanguageCode;
  tone: Tone;
  at: number;
}

export const HISTORY_LIMIT = 20;

/**
 * The history with `entry` first. Translating as you type finishes a translation at every pause in
 * typing; an entry that only extends (or trims) the newest one, with the same languages and tone,
 * replaces it, so the history holds what was meant rather than every pause. Older exact duplicates
 * are dropped.
 */
export function addToHistory(history: HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const latest = history[0];
  const revisesLatest =
    latest !== undefined && sameJob(latest, entry) && (entry.text.startsWith(latest.text) || latest.text.startsWith(entry.text));
  const older = (revisesLatest ? history.slice(1) : history).filter((old) => !(sameJob(old, entry) && old.text === entry.text));
  return [entry, ...older].slice(0, limit);
}

function sameJob(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.source === b.source && a.target === b.target && a.tone === b.tone;
}
