/**
 * What a word is to conversation search, in one place: the index, the snippet under a result and
 * the marks in an opened message must cut text the same way, or a mark lands beside its match.
 */

/** Letters, digits and combining marks: `useState` in backticks, `**bold**` and `café,` are each one word. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** A word as the index keeps it: lower case, accents dropped, so `Pastéis` is found by `pasteis`. */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII, and skipping Unicode normalisation for them halves this, the
  // index's second-largest cost after MiniSearch's own (bench: Search).
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The words of `text`, as written (the index normalises them afterwards). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

export type TextRange = [start: number, end: number];

/** Where in `text` the words whose normalised form is one of `terms` stand, in order. */
export function rangesOf(text: string, terms: ReadonlySet<string>): TextRange[] {
  const ranges: TextRange[] = [];
  for (const word of text.matchAll(WORD)) {
    if (terms.has(normalizeWord(word[0]))) ranges.push([word.index, word.index + word[0].length]);
  }
  return ranges;
}
