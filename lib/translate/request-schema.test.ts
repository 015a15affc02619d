import { describe, expect, it } from 'vitest';
import { MAX_TRANSLATE_CHARS, alternativesRequestSchema, translateRequestSchema } from './request-schema';

const message = (body: unknown) => {
  const result = translateRequestSchema.safeParse(body);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('translateRequestSchema', () => {
  it('accepts text and a target, detecting the source in the default tone', () => {
    expect(translateRequestSchema.parse({ text: 'Hallo', target: 'en' })).toEqual({ text: 'Hallo', target: 'en', source: 'auto', tone: 'default' });
    expect(translateRequestSchema.parse({ text: 'Hallo', target: 'en', source: 'de', tone: 'formal' })).toMatchObject({ source: 'de', tone: 'formal' });
  });

  it('rejects unknown language codes, naming them', () => {
    expect(message({ text: 'hi', target: 'xx' })).toMatch(/Unknown target language code "xx"/);
    expect(message({ text: 'hi', target: 'de', source: 'klingon' })).toMatch(/Unknown source language code "klingon"/);
    expect(message({ text: 'hi', target: 'auto' })).toMatch(/Unknown target language/);
  });

  it('rejects empty and whitespace-only text', () => {
    expect(message({ text: '', target: 'de' })).toBe('There is no text to translate.');
    expect(message({ text: ' \n\t ', target: 'de' })).toBe('There is no text to translate.');
  });

  it('rejects text over the limit and accepts text at it', () => {
    expect(message({ text: 'x'.repeat(MAX_TRANSLATE_CHARS + 1), target: 'de' })).toBe('Text may hold at most 5,000 characters.');
    expect(message({ text: 'x'.repeat(MAX_TRANSLATE_CHARS), target: 'de' })).toBeUndefined();
  });

  it('rejects a missing target, a wrong tone and a non-string text', () => {
    expect(message({ text: 'hi' })).toBeDefined();
    expect(message({ text: 'hi', target: 'de', tone: 'rude' })).toBeDefined();
    expect(message({ text: 42, target: 'de' })).toBeDefined();
  });
});

describe('alternativesRequestSchema', () => {
  const valid = { text: 'Hallo. Danke.', translation: 'Hello. Thank you.', sentence: 'Thank you.', target: 'en' };

  it('takes a sentence of the translation, with the translation’s defaults', () => {
    expect(alternativesRequestSchema.parse(valid)).toEqual({ ...valid, source: 'auto', tone: 'default' });
  });

  it('refuses a sentence the translation does not hold, and a blank one, with a clear message', () => {
    expect(alternativesRequestSchema.safeParse({ ...valid, sentence: 'Goodbye.' }).error?.issues[0]?.message).toBe('The sentence must be part of the translation.');
    expect(alternativesRequestSchema.safeParse({ ...valid, sentence: ' ' }).error?.issues[0]?.message).toBe('There is no sentence to rephrase.');
  });
});
