import { describe, expect, it } from 'vitest';
import { glossaryListSchema } from './glossary-schema';
import { translateRequestSchema } from './request-schema';

const glossary = { id: 'g1', name: 'Legal', source: 'en', target: 'de', entries: [{ source: 'invoice', target: 'Rechnung' }], updatedAt: 5 };
const schema = glossaryListSchema({ maxGlossaries: 2, maxTerms: 3 });
const issue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const first = result.error?.issues[0];
  return first && `${first.path.join('.')}: ${first.message}`;
};

describe('glossaryListSchema', () => {
  it('accepts a list within the bounds, trimming terms', () => {
    const parsed = schema.parse({ glossaries: [{ ...glossary, entries: [{ source: ' invoice ', target: 'Rechnung' }] }], updatedAt: 9 });
    expect(parsed.glossaries[0]?.entries).toEqual([{ source: 'invoice', target: 'Rechnung' }]);
  });

  it.each([
    ['too many glossaries', { glossaries: [glossary, { ...glossary, id: 'g2' }, { ...glossary, id: 'g3' }], updatedAt: 1 }, 'glossaries: at most 2 glossaries can be saved'],
    ['too many terms', { glossaries: [{ ...glossary, entries: ['a', 'b', 'c', 'd'].map((t) => ({ source: t, target: t })) }], updatedAt: 1 }, 'glossaries.0.entries: a glossary holds at most 3 terms'],
    ['a term over 200 characters', { glossaries: [{ ...glossary, entries: [{ source: 'x'.repeat(201), target: 'y' }] }], updatedAt: 1 }, 'glossaries.0.entries.0.source: a glossary term is at most 200 characters'],
    ['an empty target', { glossaries: [{ ...glossary, entries: [{ source: 'x', target: '  ' }] }], updatedAt: 1 }, 'glossaries.0.entries.0.target: a glossary term needs a target term'],
    ['an unknown language', { glossaries: [{ ...glossary, target: 'xx' }], updatedAt: 1 }, 'glossaries.0.target: unknown target language code "xx"'],
    ['a glossary without a name', { glossaries: [{ ...glossary, name: ' ' }], updatedAt: 1 }, 'glossaries.0.name: a glossary needs a name'],
  ])('refuses %s, saying where and why', (_, body, message) => {
    expect(issue(schema.safeParse(body))).toBe(message);
  });
});

describe('the translate request', () => {
  it('carries glossary terms when given, and none otherwise', () => {
    expect(translateRequestSchema.parse({ text: 'invoice', target: 'de', glossary: [{ source: 'invoice', target: 'Rechnung' }] }).glossary).toEqual([{ source: 'invoice', target: 'Rechnung' }]);
    expect(translateRequestSchema.parse({ text: 'invoice', target: 'de' })).not.toHaveProperty('glossary');
  });

  it('refuses a bad term and too many terms', () => {
    expect(issue(translateRequestSchema.safeParse({ text: 'a', target: 'de', glossary: [{ source: '', target: 'x' }] }))).toBe('glossary.0.source: a glossary term needs a source term');
    const many = Array.from({ length: 1_001 }, (_, n) => ({ source: `t${n}`, target: 'x' }));
    expect(issue(translateRequestSchema.safeParse({ text: 'a', target: 'de', glossary: many }))).toBe('glossary: A translation may carry at most 1,000 glossary terms.');
  });
});
