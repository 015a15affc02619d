import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeRequest } from './fake-fetch';
import { documentProgress, useDocumentTranslator, type DocumentLanguages } from './document-translator';

const german: DocumentLanguages = { source: 'auto', target: 'de', tone: 'default' };
const markdown = '# One\n\nTwo\n\n```\nthree();\n```\n\n- four\n- five\n';
const fileOf = (name: string, content: string) => new File([content], name);
const sentTexts = (calls: FakeRequest[]) => calls.map((call) => (call.body as { text: string }).text);
const progress = () => documentProgress(useDocumentTranslator.getState());

async function answer(request: FakeRequest, text: string) {
  await request.text(text);
  await request.finish({ outputTokens: 1 });
}

describe('document translator store', () => {
  let fake: ReturnType<typeof fakeFetch>;
  beforeEach(async () => {
    fake = fakeFetch();
    vi.stubGlobal('fetch', fake.fetch);
    useDocumentTranslator.getState().close();
    await useDocumentTranslator.getState().pick(fileOf('notes.md', markdown));
  });
  afterEach(() => {
    useDocumentTranslator.getState().close();
    vi.unstubAllGlobals();
  });

  it('sends each paragraph as its own request, three at a time in document order, never the code', async () => {
    const done = useDocumentTranslator.getState().translate(german);
    await fake.settle();
    expect(sentTexts(fake.requests)).toEqual(['One', 'Two', 'four']);
    expect(fake.requests[0]!.body).toEqual({ text: 'One', ...german });
    expect(progress()).toEqual({ done: 0, total: 4 });

    await answer(fake.requests[1]!, 'Zwei');
    expect(sentTexts(fake.requests)).toEqual(['One', 'Two', 'four', 'five']);
    expect(progress()).toEqual({ done: 1, total: 4 });
    for (const [index, text] of [[0, 'Eins'], [2, 'vier'], [3, 'fünf']] as const) await answer(fake.requests[index]!, text);
    await done;

    const state = useDocumentTranslator.getState();
    expect(state.status).toBe('done');
    expect(progress()).toEqual({ done: 4, total: 4 });
    expect(state.translations[0]).toMatchObject({ status: 'done', text: 'Eins', outputTokens: 1 });
    expect(state.translations[0]!.firstTokenAt).toBeTypeOf('number');
  });

  it('Stop aborts the requests in flight and keeps what is done; Resume sends only the rest', async () => {
    const run = useDocumentTranslator.getState().translate(german);
    await fake.settle();
    await answer(fake.requests[0]!, 'Eins');
    await fake.requests[1]!.text('Zw');
    useDocumentTranslator.getState().stop();
    await run;
    const stopped = useDocumentTranslator.getState();
    expect(stopped.status).toBe('stopped');
    expect(fake.requests.slice(1).every((call) => call.signal.aborted)).toBe(true);
    expect(stopped.translations[0]).toMatchObject({ status: 'done', text: 'Eins' });
    expect(stopped.translations[2]).toMatchObject({ status: 'waiting', text: '' });

    const before = fake.requests.length;
    const resumed = useDocumentTranslator.getState().translate(german);
    await fake.settle();
    expect(sentTexts(fake.requests.slice(before))).toEqual(['Two', 'four', 'five']);
    for (const call of fake.requests.slice(before)) await answer(call, 'x');
    await resumed;
    expect(useDocumentTranslator.getState().status).toBe('done');
  });

  it('an error stops the run with its message, keeps what is done, and Resume retries', async () => {
    const run = useDocumentTranslator.getState().translate(german);
    await fake.settle();
    await answer(fake.requests[0]!, 'Eins');
    await fake.requests[1]!.respond(503, { error: 'The model is down.', code: 'unavailable' });
    await run;
    const failed = useDocumentTranslator.getState();
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({ code: 'unavailable', message: 'The model is down.' });
    expect(progress()).toEqual({ done: 1, total: 4 });
    expect(fake.requests[2]!.signal.aborted).toBe(true);

    const before = fake.requests.length;
    void useDocumentTranslator.getState().translate(german);
    await fake.settle();
    expect(sentTexts(fake.requests.slice(before))[0]).toBe('Two');
    expect(useDocumentTranslator.getState().error).toBeNull();
  });

  it('over the request rate, a paragraph waits as long as the server says and goes again', async () => {
    vi.useFakeTimers();
    fake = fakeFetch({ settle: () => vi.advanceTimersByTimeAsync(0) });
    vi.stubGlobal('fetch', fake.fetch);
    try {
      const run = useDocumentTranslator.getState().translate(german);
      await vi.advanceTimersByTimeAsync(0);
      await fake.requests[0]!.respond(429, { error: 'Slow down.', code: 'rate_limited' }, { 'retry-after': '2' });
      await vi.advanceTimersByTimeAsync(0);
      expect(useDocumentTranslator.getState().rateLimitedFor).toBe(2);
      expect(fake.requests).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(sentTexts(fake.requests).at(-1)).toBe('One');
      expect(useDocumentTranslator.getState()).toMatchObject({ status: 'translating', rateLimitedFor: null });
      useDocumentTranslator.getState().stop();
      await run;
    } finally {
      vi.useRealTimers();
    }
  });

  it('other languages start over; a refused file leaves the open document as it was', async () => {
    const run = useDocumentTranslator.getState().translate(german);
    await fake.settle();
    for (const call of [...fake.requests]) await answer(call, 'x');
    await fake.settle();
    for (const call of fake.requests.slice(3)) await answer(call, 'x');
    await run;
    expect(progress()).toEqual({ done: 4, total: 4 });

    await useDocumentTranslator.getState().pick(fileOf('movie.mp4', 'x'));
    expect(useDocumentTranslator.getState().problem).toMatch(/movie.mp4 cannot be translated/);
    expect(useDocumentTranslator.getState().document?.name).toBe('notes.md');
    expect(progress()).toEqual({ done: 4, total: 4 });

    void useDocumentTranslator.getState().translate({ ...german, target: 'fr' });
    await fake.settle();
    expect(progress()).toEqual({ done: 0, total: 4 });
    expect((fake.requests.at(-1)!.body as { target: string }).target).toBe('fr');
  });
});
