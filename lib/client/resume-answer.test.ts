import { afterEach, expect, test, vi } from 'vitest';
import { resumeAnswer, stopAnswer } from './resume-answer';

const sse = (...chunks: object[]) =>
  new Response(chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });

afterEach(() => vi.unstubAllGlobals());

test('resuming reads the answer from its first token to the end', async () => {
  const fetch = vi.fn(async () => sse({ type: 'start' }, { type: 'text-delta', id: 't', delta: 'Hello ' }, { type: 'text-delta', id: 't', delta: 'again' }, { type: 'finish', messageMetadata: { model: 'm' } }));
  vi.stubGlobal('fetch', fetch);
  let text = '';
  const outcome = await resumeAnswer('stream-1234', new AbortController().signal, { onText: (delta) => (text += delta) });
  expect(fetch).toHaveBeenCalledWith('/api/answers/stream-1234', expect.anything());
  expect(outcome).toEqual({ status: 'done' });
  expect(text).toBe('Hello again');
});

test('an answer the server no longer has is gone, not an error', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
  expect(await resumeAnswer('stream-1234', new AbortController().signal, { onText: () => undefined })).toEqual({ status: 'gone' });
});

test('a rate-limited resume says how long to wait', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: 'Too many requests', code: 'rate_limited', retryAfter: 7 }, { status: 429 })));
  expect(await resumeAnswer('stream-1234', new AbortController().signal, { onText: () => undefined })).toMatchObject({
    status: 'error',
    error: { code: 'rate_limited', retryAfter: 7 },
  });
});

test('stop tells the server with DELETE and never throws', async () => {
  const fetch = vi.fn(async () => {
    throw new TypeError('offline');
  });
  vi.stubGlobal('fetch', fetch);
  await expect(stopAnswer('stream-1234')).resolves.toBeUndefined();
  expect(fetch).toHaveBeenCalledWith('/api/answers/stream-1234', expect.objectContaining({ method: 'DELETE' }));
});
