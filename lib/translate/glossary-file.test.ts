import { describe, expect, it } from 'vitest';
import type { Glossary } from './glossary';
import { describeRead, formatOf, glossaryFileName, glossaryToFile, parseGlossaryFile } from './glossary-file';

describe('parseGlossaryFile', () => {
  it("reads DeepL's two-column CSV, quoted fields included", () => {
    const read = parseGlossaryFile('invoice,Rechnung\r\n"terms, conditions",AGB\n"say ""hi""",sag hallo\n', 'csv', 500);
    expect(read).toEqual({
      entries: [
        { source: 'invoice', target: 'Rechnung' },
        { source: 'terms, conditions', target: 'AGB' },
        { source: 'say "hi"', target: 'sag hallo' },
      ],
      skipped: [],
    });
  });

  it('reads the four-column form and the language pair it names', () => {
    const read = parseGlossaryFile('invoice\tRechnung\tEN\tDE\ncontract\tVertrag\ten\tde\n', 'tsv', 500);
    expect(read.entries).toHaveLength(2);
    expect(read.languages).toEqual({ source: 'en', target: 'de' });
    expect(parseGlossaryFile('a,b,en,de\nc,d,en,fr\n', 'csv', 500).languages).toBeUndefined();
  });

  it('skips bad lines, saying which and why, and keeps the rest', () => {
    const text = ['invoice,Rechnung', 'only one column', 'contract,', ',Vertrag', 'a,b,c', `${'x'.repeat(201)},y`, 'Invoice,Faktura', '', 'ok,gut', 'more,mehr'].join('\n');
    const read = parseGlossaryFile(text, 'csv', 2);
    expect(read.entries).toEqual([
      { source: 'invoice', target: 'Rechnung' },
      { source: 'ok', target: 'gut' },
    ]);
    expect(read.skipped).toEqual([
      { line: 2, reason: '1 columns, not 2 (or 4 with the languages)' },
      { line: 3, reason: 'no target term' },
      { line: 4, reason: 'no source term' },
      { line: 5, reason: '3 columns, not 2 (or 4 with the languages)' },
      { line: 6, reason: 'a term is longer than 200 characters' },
      { line: 7, reason: '"Invoice" is listed already' },
      { line: 10, reason: 'a glossary holds at most 2 terms' },
    ]);
    expect(describeRead(read)).toMatch(/^Read 2 terms; 7 lines skipped \(line 2: 1 columns.*; line 10: a glossary holds at most 2 terms\)\.$/);
    expect(describeRead({ entries: [{ source: 'a', target: 'b' }], skipped: [] })).toBe('Read 1 term.');
  });

  it('reads back what export writes, in either format', () => {
    const glossary: Pick<Glossary, 'source' | 'target' | 'entries'> = { source: 'en', target: 'de', entries: [{ source: 'a, "b"', target: 'c\td' }] };
    for (const format of ['csv', 'tsv'] as const) {
      expect(parseGlossaryFile(glossaryToFile(glossary, format), format, 10)).toEqual({ entries: glossary.entries, skipped: [], languages: { source: 'en', target: 'de' } });
    }
  });
});

describe('file names and formats', () => {
  it('tells TSV from CSV by the name, else by the first line', () => {
    expect(formatOf('terms.TSV', 'a,b')).toBe('tsv');
    expect(formatOf('terms.csv', 'a\tb')).toBe('csv');
    expect(formatOf('terms.txt', 'a\tb\n')).toBe('tsv');
    expect(formatOf('terms', 'a,b\n')).toBe('csv');
  });

  it('makes a file name from the glossary name', () => {
    expect(glossaryFileName('Legal EN→DE', 'csv')).toBe('Legal-EN-DE.csv');
    expect(glossaryFileName(' / ', 'tsv')).toBe('glossary.tsv');
  });
});
