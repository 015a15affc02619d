import { describe, expect, it } from 'vitest';
import { isLanguageCode, languages, searchLanguages } from './languages';

const names = (query: string) => searchLanguages(query).map((language) => language.name);

describe('languages', () => {
  it('offers at least 30 languages with unique codes', () => {
    expect(languages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(languages.map((language) => language.code)).size).toBe(languages.length);
    expect(isLanguageCode('de')).toBe(true);
    expect(isLanguageCode('auto')).toBe(false);
  });

  it('finds a language by English name, native name or code, ignoring case and accents', () => {
    expect(names('germ')).toEqual(['German']);
    expect(names('DEUTSCH')).toEqual(['German']);
    expect(names('francais')).toEqual(['French']);
    expect(names('日本')).toEqual(['Japanese']);
  });

  it('puts an exact code first, then names that start with the query', () => {
    expect(names('fr')[0]).toBe('French');
    expect(names('sl')[0]).toBe('Slovenian');
    expect(names('ma').slice(0, 2)).toEqual(['Hungarian', 'Malay']);
  });

  it('lists every language for an empty query and none for nonsense', () => {
    expect(searchLanguages('  ')).toHaveLength(languages.length);
    expect(searchLanguages('qqq')).toEqual([]);
  });
});
