import { describe, expect, it } from 'vitest';
import { addToHistory, type HistoryEntry } from './history';

let next = 0;
const entry = (text: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: String(next++),
  text,
  translation: text.toUpperCase(),
  source: 'auto',
  target: 'de',
  tone: 'default',
  at: next,
  ...overrides,
});

const texts = (history: HistoryEntry[]) => history.map((e) => e.text);

describe('addToHistory', () => {
  it('puts the newest first', () => {
    expect(texts(addToHistory([entry('one')], entry('two')))).toEqual(['two', 'one']);
  });

  it('replaces the newest entry when the text only grew or shrank (typing on)', () => {
    let history = addToHistory([], entry('Hello'));
    history = addToHistory(history, entry('Hello world'));
    history = addToHistory(history, entry('Hello wor'));
    expect(texts(history)).toEqual(['Hello wor']);
  });

  it('keeps both when the languages or tone differ', () => {
    let history = addToHistory([], entry('Hello'));
    history = addToHistory(history, entry('Hello world', { target: 'fr' }));
    history = addToHistory(history, entry('Hello world', { target: 'fr', tone: 'formal' }));
    expect(history.map((e) => `${e.text}/${e.target}/${e.tone}`)).toEqual(['Hello world/fr/formal', 'Hello world/fr/default', 'Hello/de/default']);
  });

  it('moves an exact repeat to the top instead of listing it twice', () => {
    const history = [entry('b'), entry('a')];
    expect(texts(addToHistory(history, entry('a')))).toEqual(['a', 'b']);
  });

  it('keeps at most `limit` entries', () => {
    const history = ['a', 'b', 'c'].map((text) => entry(text));
    expect(texts(addToHistory(history, entry('z'), 3))).toEqual(['z', 'a', 'b']);
  });
});
