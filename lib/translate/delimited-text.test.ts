import { describe, expect, it } from 'vitest';
import { parseDelimited, serializeDelimited } from './delimited-text';

describe('parseDelimited', () => {
  it('splits lines and fields, CRLF or LF, with or without a last line break', () => {
    expect(parseDelimited('a,b\r\nc,d\ne,f', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
    expect(parseDelimited('a,b\n', ',')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  it('reads quoted fields holding commas, quotes and line breaks, counting lines for what follows', () => {
    const rows = parseDelimited('"one, two","say ""hi"""\n"multi\nline",x\nlast,y', ',');
    expect(rows).toEqual([
      { line: 1, fields: ['one, two', 'say "hi"'] },
      { line: 2, fields: ['multi\nline', 'x'] },
      { line: 4, fields: ['last', 'y'] },
    ]);
  });

  it('keeps empty lines and empty fields as such, and drops a byte order mark', () => {
    expect(parseDelimited('\uFEFFa,\n\nb,c', ',')).toEqual([
      { line: 1, fields: ['a', ''] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b', 'c'] },
    ]);
  });

  it('splits on tabs for TSV, leaving commas alone', () => {
    expect(parseDelimited('a,1\tb,2', '\t')).toEqual([{ line: 1, fields: ['a,1', 'b,2'] }]);
  });
});

describe('serializeDelimited', () => {
  it('quotes only fields that need it, and reads back the same', () => {
    const rows = [
      ['plain', 'with, comma'],
      ['with "quote"', 'two\nlines'],
      ['tab\there', 'x'],
    ];
    const csv = serializeDelimited(rows, ',');
    expect(csv).toBe('plain,"with, comma"\r\n"with ""quote""","two\nlines"\r\ntab\there,x\r\n');
    expect(parseDelimited(csv, ',').map((row) => row.fields)).toEqual(rows);
    const tsv = serializeDelimited(rows, '\t');
    expect(tsv.split('\r\n')[2]).toBe('"tab\there"\tx');
    expect(parseDelimited(tsv, '\t').map((row) => row.fields)).toEqual(rows);
  });
});
