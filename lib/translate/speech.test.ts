import { describe, expect, it } from 'vitest';
import { voiceFor, watchVoice, type VoiceLike } from './speech';

const voice = (lang: string, extra: Partial<VoiceLike> = {}) => ({ lang, name: `${lang} voice`, ...extra });

describe('voiceFor', () => {
  it('matches the primary language of the voice’s tag, however it is written', () => {
    expect(voiceFor([voice('en-US'), voice('fr_CA')], 'fr')?.lang).toBe('fr_CA');
    expect(voiceFor([voice('FR-fr')], 'fr')?.lang).toBe('FR-fr');
  });

  it('prefers the default voice, then a local one', () => {
    expect(voiceFor([voice('de-AT'), voice('de-DE', { localService: true }), voice('de-CH', { default: true })], 'de')?.lang).toBe('de-CH');
    expect(voiceFor([voice('de-AT'), voice('de-DE', { localService: true })], 'de')?.lang).toBe('de-DE');
  });

  it('finds none for a language without a voice (and never a prefix lookalike)', () => {
    expect(voiceFor([voice('en-US'), voice('eo')], 'e')).toBeUndefined();
    expect(voiceFor([], 'en')).toBeUndefined();
  });
});

describe('watchVoice', () => {
  it('tells of a voice that loads later, and stops listening when unsubscribed', () => {
    let voices: ReturnType<typeof voice>[] = [];
    const listeners = new Set<() => void>();
    const synthesis = {
      getVoices: () => voices,
      addEventListener: (_: 'voiceschanged', listener: () => void) => listeners.add(listener),
      removeEventListener: (_: 'voiceschanged', listener: () => void) => listeners.delete(listener),
    };
    const seen: (string | undefined)[] = [];
    const stop = watchVoice(synthesis, 'ja', (found) => seen.push(found?.lang));
    voices = [voice('ja-JP')];
    listeners.forEach((listener) => listener());
    stop();
    expect(listeners.size).toBe(0);
    expect(seen).toEqual([undefined, 'ja-JP']);
  });
});
