import { describe, expect, it } from 'vitest';
import { buildAlternativesPrompt, parseAlternatives } from '../alternatives';
import { buildTranslationPrompt } from '../prompt';
import { offlineTranslation } from './offline-translation';

const ask = (text: string, target: 'de' | 'ja' | 'en' | 'ko', source: 'auto' | 'en' = 'auto') =>
  offlineTranslation(buildTranslationPrompt({ text, target, source, tone: 'default' }).prompt);

describe('offlineTranslation', () => {
  it('translates a known phrase, naming its language when asked to detect', () => {
    expect(ask('Hello!', 'de')).toBe('<lang>en</lang>\nHallo');
    expect(ask('  ¡gracias! ', 'ja')).toBe('<lang>es</lang>\nありがとう');
    expect(ask('Good morning', 'de', 'en')).toBe('Guten Morgen');
  });

  it('says plainly that other text is not translated, and how to connect a model', () => {
    const answer = ask('The weather is lovely today.', 'de');
    expect(answer).toMatch(/^Offline demo — not translated\./);
    expect(answer).toContain('OPENAI_API_KEY');
    expect(answer).not.toContain('<lang>');
  });

  it('says so too for a known phrase into a language it has no entry for', () => {
    expect(ask('Hello', 'ko')).toMatch(/^<lang>en<\/lang>\nOffline demo — not translated/);
  });

  it('answers text that is not one of its prompts as untranslatable, never with a guess', () => {
    expect(offlineTranslation('Translate hello into German')).toMatch(/^Offline demo — not translated\./);
  });

  it('answers with the glossary term when the text is one', () => {
    const prompt = buildTranslationPrompt({ text: 'Hello!', target: 'de', source: 'en', tone: 'default', glossary: [{ source: 'hello', target: 'Servus' }] }).prompt;
    expect(offlineTranslation(prompt)).toBe('Servus');
  });

  it('answers an alternatives prompt with three variations of the sentence, one saying it is the demo', () => {
    const { prompt } = buildAlternativesPrompt({ text: 'Hallo. Danke.', translation: 'Hello. Thank you.', sentence: 'Thank you.', target: 'en', source: 'de', tone: 'default' });
    const options = parseAlternatives(offlineTranslation(prompt));
    expect(options).toHaveLength(3);
    expect(options.slice(0, 2)).toEqual(['Thank you!', 'Thank you…']);
    expect(options[2]).toMatch(/^Thank you \(offline demo/);
  });
});
