import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRequest } from './fake-fetch';
import { TYPING_PAUSE_MS } from '@/lib/translate/limits';
import { useTranslator } from './translator';

const settle = () => vi.advanceTimersByTimeAsync(0);

/** The whole translation at once: its text, then its end with `metadata`. */
async function answer(request: FakeRequest, deltas: string[], metadata?: Record<string, unknown>) {
  await request.text(...deltas);
  await request.finish(metadata);
}

describe('translator store', () => {
  let calls: FakeRequest[];
  beforeEach(async () => {
    vi.useFakeTimers();
    const fake = fakeFetch({ settle });
    calls = fake.requests;
    vi.stubGlobal('fetch', fake.fetch);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    useTranslator.setState({ text: '', source: 'auto', target: 'de', tone: 'default', result: null, history: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('translates once typing pauses, with the latest text', async () => {
    const { setText } = useTranslator.getState();
    setText('Hal');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS - 50);
    setText('Hallo');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS - 50);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.map((call) => call.body)).toEqual([{ text: 'Hallo', target: 'de', source: 'auto', tone: 'default' }]);

    await answer(calls[0]!, ['Hello'], { detectedLanguage: 'de' });
    await settle();
    expect(useTranslator.getState().result).toMatchObject({ text: 'Hello', status: 'done', detected: 'de' });
    expect(useTranslator.getState().history.map((entry) => [entry.text, entry.translation])).toEqual([['Hallo', 'Hello']]);
  });

  it('a newer edit aborts the request in flight, and its late answer never shows', async () => {
    const { setText } = useTranslator.getState();
    setText('eins');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    const stale = calls[0]!;
    setText('zwei');
    expect(stale.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    const fresh = calls[1]!;
    await answer(fresh, ['two']);
    await answer(stale, ['one']);
    await settle();
    expect(useTranslator.getState().result).toMatchObject({ job: { text: 'zwei' }, text: 'two', status: 'done' });
    expect(useTranslator.getState().history.map((entry) => entry.translation)).toEqual(['two']);
  });

  it('changing the target translates at once, without waiting for a pause', async () => {
    useTranslator.setState({ text: 'Hallo' });
    useTranslator.getState().setTarget('fr');
    await settle();
    expect(calls.map((call) => (call.body as { target: string }).target)).toEqual(['fr']);
  });

  it('swaps languages and text using the detected source', async () => {
    useTranslator.getState().setText('Bonjour');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await answer(calls[0]!, ['Hallo'], { detectedLanguage: 'fr' });
    await settle();
    useTranslator.getState().swap();
    await settle();
    expect(useTranslator.getState()).toMatchObject({ text: 'Hallo', source: 'de', target: 'fr' });
    expect(calls[1]!.body).toMatchObject({ text: 'Hallo', source: 'de', target: 'fr' });
  });

  it('sends nothing for text over the limit', async () => {
    useTranslator.getState().setText('x'.repeat(5_001));
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS * 2);
    useTranslator.getState().translateNow();
    await settle();
    expect(calls).toHaveLength(0);
  });
});
