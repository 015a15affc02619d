import { rangesOf, type TextRange } from './search-words';

/** A short piece of text and where in it the search matched, for the UI to mark. */
export interface MarkedText {
  text: string;
  ranges: TextRange[];
}

const WIDTH = 80;
/** How much text shows before the first match, so it reads in its sentence. */
const LEAD = 24;

/**
 * About WIDTH characters of `text` around the first match of `terms`, cut at spaces, with an
 * ellipsis where text was left out. Line breaks become spaces one for one, so ranges stay exact.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>): MarkedText {
  const ranges = rangesOf(text, terms);
  const [firstStart, firstEnd] = ranges[0] ?? [0, 0];
  let start = Math.max(0, firstStart - LEAD);
  let end = Math.min(text.length, Math.max(start + WIDTH, firstEnd));
  if (start > 0) {
    const space = text.slice(start, firstStart).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < text.length) {
    const space = text.slice(firstEnd, end).search(/\s\S*$/);
    if (space !== -1) end = firstEnd + space;
  }
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  return {
    text: lead + text.slice(start, end).replace(/\s/g, ' ') + (end < text.length ? '…' : ''),
    ranges: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  };
}
