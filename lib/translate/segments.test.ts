import { describe, expect, it } from 'vitest';
import { splitIntoSegments } from './segments';

const rejoin = (segments: { text: string; separator: string }[]) => segments.map((s) => s.text + s.separator).join('');

describe('splitIntoSegments', () => {
  it('keeps short text as one segment', () => {
    expect(splitIntoSegments('  Hello world.  ')).toEqual([{ text: 'Hello world.', separator: '' }]);
  });

  it('cuts at blank lines once paragraphs no longer fit together', () => {
    const a = 'a'.repeat(80);
    const b = 'b'.repeat(80);
    const c = 'c'.repeat(10);
    const text = `${a}\n\n${b}\n \n\n${c}`;
    expect(splitIntoSegments(text, 100)).toEqual([
      { text: a, separator: '\n\n' },
      { text: `${b}\n \n\n${c}`, separator: '' },
    ]);
    expect(rejoin(splitIntoSegments(text, 100))).toBe(text);
  });

  it('never cuts inside a paragraph, even one over the limit', () => {
    const long = 'word '.repeat(100).trim();
    const segments = splitIntoSegments(`${long}\n\nshort`, 50);
    expect(segments.map((s) => s.text)).toEqual([long, 'short']);
  });

  it('treats single line breaks as part of a paragraph', () => {
    expect(splitIntoSegments('line one\nline two', 10)).toEqual([{ text: 'line one\nline two', separator: '' }]);
  });

  it('handles Windows line endings and gives the trimmed text back exactly', () => {
    const text = 'Erster Absatz.\r\n\r\nZweiter Absatz.\r\n\r\n\r\nDritter.';
    const segments = splitIntoSegments(text, 10);
    expect(segments.map((s) => s.text)).toEqual(['Erster Absatz.', 'Zweiter Absatz.', 'Dritter.']);
    expect(rejoin(segments)).toBe(text);
  });
});
