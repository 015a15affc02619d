import { describe, expect, it } from 'vitest';
import { createLanguageHeaderReader } from './language-header';

/** Feeds `deltas` through a reader; returns the visible text and the language found. */
function read(deltas: string[]) {
  const reader = createLanguageHeaderReader();
  let text = '';
  const languages: string[] = [];
  for (const delta of deltas) {
    const out = reader.push(delta);
    text += out.text;
    if (out.language) languages.push(out.language);
  }
  return { text: text + reader.flush(), languages };
}

describe('language header reader', () => {
  it('strips a header that arrives whole, with its line break', () => {
    expect(read(['<lang>fr</lang>\nHallo', ' Welt'])).toEqual({ text: 'Hallo Welt', languages: ['fr'] });
  });

  it('strips a header split across many pieces', () => {
    expect(read(['<', 'la', 'ng>', 'F', 'R</la', 'ng>', '\n', '\n', 'Hal', 'lo'])).toEqual({ text: 'Hallo', languages: ['fr'] });
  });

  it('accepts regional codes and surrounding spaces', () => {
    expect(read([' <lang> pt-BR </lang> Olá'])).toEqual({ text: 'Olá', languages: ['pt-br'] });
  });

  it('passes text without a header through unchanged, at once', () => {
    const reader = createLanguageHeaderReader();
    expect(reader.push('Hallo')).toEqual({ text: 'Hallo' });
    expect(reader.push(' <lang>fr</lang>')).toEqual({ text: ' <lang>fr</lang>' });
  });

  it('gives back text that only looked like a header', () => {
    expect(read(['<la', 'b> is a tag'])).toEqual({ text: '<lab> is a tag', languages: [] });
    expect(read(['<lang>not a code at all</lang> x'])).toEqual({ text: '<lang>not a code at all</lang> x', languages: [] });
    expect(read(['<lang>', 'x'.repeat(50)])).toEqual({ text: `<lang>${'x'.repeat(50)}`, languages: [] });
    expect(read(['<lan'])).toEqual({ text: '<lan', languages: [] });
  });

  it('handles an answer that is only a header', () => {
    expect(read(['<lang>de</lang>'])).toEqual({ text: '', languages: ['de'] });
  });
});
