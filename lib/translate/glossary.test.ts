import { describe, expect, it } from 'vitest';
import { containsTerm, entriesUsedIn, glossariesFor, unhonouredEntries } from './glossary';

describe('containsTerm', () => {
  it.each([
    ['Please pay the Invoice now', 'invoice', true],
    ['INVOICE', 'Invoice', true],
    ['The invoiced amount', 'invoice', false],
    ['reinvoice', 'invoice', false],
    ['See the invoice.', 'invoice', true],
    ['a purchase order was sent', 'purchase order', true],
    ['a purchase  order', 'purchase order', false],
    ['C++ code', 'C++', true],
    ['Über die Straße', 'straße', true],
    ['東京都に住む', '東京', true],
    ['anything', '   ', false],
  ])('in %j, %j is %s', (text, term, expected) => {
    expect(containsTerm(text, term)).toBe(expected);
  });
});

describe('entriesUsedIn', () => {
  const entries = [
    { source: 'invoice', target: 'Rechnung' },
    { source: 'contract', target: 'Vertrag' },
    { source: 'Invoice', target: 'Faktura' },
    { source: 'order', target: '' },
  ];

  it('keeps only the terms the text uses, each once, and none without a target', () => {
    expect(entriesUsedIn('The invoice for the order', entries)).toEqual([{ source: 'invoice', target: 'Rechnung' }]);
    expect(entriesUsedIn('A contract and an invoice', entries)).toEqual([entries[0], entries[1]]);
    expect(entriesUsedIn('Nothing here', entries)).toEqual([]);
  });
});

describe('unhonouredEntries', () => {
  const entries = [
    { source: 'invoice', target: 'Rechnung' },
    { source: 'contract', target: 'Vertrag' },
    { source: 'delivery', target: 'Lieferung' },
  ];

  it('names each term of the text whose target is missing from the translation', () => {
    expect(unhonouredEntries('The invoice and the contract', 'Die Rechnung und die Vereinbarung', entries)).toEqual([entries[1]]);
  });

  it('counts an inflected or compound form, in any case, as honoured', () => {
    expect(unhonouredEntries('invoices and contracts', 'rechnungen und Vertragsentwürfe', entries)).toEqual([]);
    expect(unhonouredEntries('the invoice', 'RECHNUNGSNUMMER', entries)).toEqual([]);
  });

  it('ignores terms the text does not use', () => {
    expect(unhonouredEntries('Hello', 'Hallo', entries)).toEqual([]);
  });
});

describe('glossariesFor', () => {
  const list = [
    { id: 'a', source: 'en', target: 'de' },
    { id: 'b', source: 'fr', target: 'de' },
    { id: 'c', source: 'en', target: 'fr' },
  ] as const;

  it('offers those of the language pair, and any into the target when detecting', () => {
    expect(glossariesFor(list, 'en', 'de').map((g) => g.id)).toEqual(['a']);
    expect(glossariesFor(list, 'auto', 'de').map((g) => g.id)).toEqual(['a', 'b']);
    expect(glossariesFor(list, 'de', 'en')).toEqual([]);
  });
});
