import { describe, expect, it } from 'vitest';
import { replaceSentence, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('cuts by the language’s rules and leaves the spaces between sentences out', () => {
    const text = 'Good day. How are you?\n\nFine!';
    const sentences = splitSentences(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual(['Good day.', 'How are you?', 'Fine!']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('knows sentence ends other languages use', () => {
    expect(splitSentences('おはよう。元気？', 'ja').map((s) => s.text)).toEqual(['おはよう。', '元気？']);
  });

  it('finds nothing in blank text', () => {
    expect(splitSentences('  \n ', 'en')).toEqual([]);
  });
});

describe('replaceSentence', () => {
  it('replaces one sentence and keeps the rest as it was', () => {
    const text = 'One. Two.\n\nThree.';
    const [, two] = splitSentences(text, 'en');
    expect(replaceSentence(text, two!, ' Deux. ')).toBe('One. Deux.\n\nThree.');
  });

  it('refuses a sentence the text no longer holds', () => {
    const [one] = splitSentences('One. Two.', 'en');
    expect(() => replaceSentence('Uno. Two.', one!, 'Eins.')).toThrow(/no longer/);
  });
});
