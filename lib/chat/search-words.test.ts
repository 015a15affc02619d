import { describe, expect, it } from 'vitest';
import { snippetOf } from './search-snippet';
import { normalizeWord, rangesOf, wordsOf } from './search-words';

describe('search words', () => {
  it('cuts Markdown and punctuation away from words, keeping accented letters whole', () => {
    expect(wordsOf('Use `useState`, **not** this_one — café!')).toEqual(['Use', 'useState', 'not', 'this', 'one', 'café']);
    expect(wordsOf('cafe\u0301')).toEqual(['cafe\u0301']);
  });

  it('normalises case and accents, composed or not', () => {
    expect(normalizeWord('PASTÉIS')).toBe('pasteis');
    expect(normalizeWord('cafe\u0301')).toBe('cafe');
  });

  it('finds the ranges of the words given in normalised form', () => {
    const text = 'Belém, then belem again: BELEM.';
    expect(rangesOf(text, new Set(['belem'])).map(([start, end]) => text.slice(start, end))).toEqual(['Belém', 'belem', 'BELEM']);
    expect(rangesOf(text, new Set(['bel']))).toEqual([]);
  });
});

describe('snippetOf', () => {
  it('keeps a short text whole, without ellipses', () => {
    expect(snippetOf('Try the Pastéis de Belém.', new Set(['belem']))).toEqual({ text: 'Try the Pastéis de Belém.', ranges: [[19, 24]] });
  });

  it('starts at the text when the match is near its start, and ends after a whole word', () => {
    const text = 'Carbonara needs eggs. ' + 'More words follow here. '.repeat(6);
    const { text: snippet, ranges } = snippetOf(text, new Set(['carbonara']));
    expect(snippet.startsWith('Carbonara')).toBe(true);
    expect(ranges).toEqual([[0, 9]]);
    // Cut after a whole word, within the width.
    expect(snippet).toMatch(/[a-z]…$/);
    expect(snippet.length).toBeLessThanOrEqual(81);
  });

  it('shows the start of the text when nothing in it matched', () => {
    expect(snippetOf('Nothing here', new Set(['else']))).toEqual({ text: 'Nothing here', ranges: [] });
  });
});
