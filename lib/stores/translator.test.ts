import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_PAUSE_MS, useTranslator } from './translator';

interface FetchCall {
  body: { text: string; target: string };
  signal: AbortSignal;
  respond: (deltas: string[], metadata?: Record<string, unknown>) => void;
}

/** A fetch that answers /api/translate only when the test says so, as an SSE answer stream. */
function controllableFetch() {
  const calls: FetchCall[] = [];
  const fetch = vi.fn((_url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal!;
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      calls.push({
        body: JSON.parse(String(init.body)),
        signal,
        respond: (deltas, metadata) => {
          const events = [
            { type: 'start', messageMetadata: metadata },
            { type: 'text-start', id: 't' },
            ...deltas.map((delta) => ({ type: 'text-delta', id: 't', delta })),
            { type: 'text-end', id: 't' },
            { type: 'finish' },
          ];
          const body = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n';
          resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
        },
      });
    }),
  );
  return { fetch, calls };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('translator store', () => {
  let calls: FetchCall[];
  beforeEach(async () => {
    vi.useFakeTimers();
    const fake = controllableFetch();
    calls = fake.calls;
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

    calls[0]!.respond(['Hello'], { detectedLanguage: 'de' });
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
    fresh.respond(['two']);
    stale.respond(['one']);
    await settle();
    expect(useTranslator.getState().result).toMatchObject({ job: { text: 'zwei' }, text: 'two', status: 'done' });
    expect(useTranslator.getState().history.map((entry) => entry.translation)).toEqual(['two']);
  });

  it('changing the target translates at once, without waiting for a pause', async () => {
    useTranslator.setState({ text: 'Hallo' });
    useTranslator.getState().setTarget('fr');
    await settle();
    expect(calls.map((call) => call.body.target)).toEqual(['fr']);
  });

  it('swaps languages and text using the detected source', async () => {
    useTranslator.getState().setText('Bonjour');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    calls[0]!.respond(['Hallo'], { detectedLanguage: 'fr' });
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
