import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { createOfflineModel } from '@/lib/ai/offline-model';
import { AnswerRun } from '@/lib/server/answer-run';
import { fetchAnswer, resumeAnswer, stopAnswer } from './answer-client';

/** A real HTTP round trip: the server side Rill uses, read by the browser side Rill uses. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/limited') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '9' });
      return res.end(JSON.stringify({ error: 'Too many requests', code: 'rate_limited' }));
    }
    if (req.url === '/dropped') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\ndata: {"type":"text-delta","id":"t","delta":"Half an"}\n\n');
      return setTimeout(() => res.destroy(), 20);
    }
    const run = new AnswerRun((signal) => streamAnswer({ model: createOfflineModel({ paceMs: req.url === '/slow' ? 30 : 0 }), messages: [{ role: 'user', content: 'hello' }], abortSignal: signal }));
    const release = run.retain();
    res.on('close', release);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for await (const chunk of run.readBytes()) if (!res.destroyed) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllGlobals());

const collect = async (path: string, signal = new AbortController().signal) => {
  let text = '';
  const metadata: unknown[] = [];
  const outcome = await fetchAnswer(`${base}${path}`, {}, signal, { onText: (delta) => (text += delta), onMetadata: (m) => metadata.push(m) });
  return { outcome, text, metadata };
};

describe('fetchAnswer', () => {
  it('assembles a streamed answer and its metadata', async () => {
    const { outcome, text, metadata } = await collect('/answer');
    expect(outcome).toEqual({ status: 'done' });
    expect(text).toContain('offline demo model');
    expect(metadata.at(-1)).toMatchObject({ model: 'rill-offline-demo', outputTokens: expect.any(Number) });
  });

  it('turns an HTTP error into a RillError with the wait', async () => {
    expect((await collect('/limited')).outcome).toEqual({ status: 'error', error: { code: 'rate_limited', message: 'Too many requests', retryAfter: 9 } });
  });

  it('keeps the partial text of a dropped stream and calls it interrupted', async () => {
    const { outcome, text } = await collect('/dropped');
    expect(text).toBe('Half an');
    expect(outcome).toMatchObject({ status: 'error', error: { code: 'interrupted' } });
  });

  it('reports a stop, not an error, when the caller aborts mid-answer', async () => {
    const controller = new AbortController();
    let text = '';
    const outcome = await fetchAnswer(`${base}/slow`, {}, controller.signal, {
      onText: (delta) => {
        text += delta;
        controller.abort();
      },
    });
    expect(outcome).toEqual({ status: 'stopped' });
    expect(text.length).toBeGreaterThan(0);
  });

  it('reports an unreachable server as a network error', async () => {
    const outcome = await fetchAnswer('http://127.0.0.1:9/none', {}, new AbortController().signal, { onText: () => {} });
    expect(outcome).toMatchObject({ status: 'error', error: { code: 'network' } });
  });
});

describe('fetchAnswer request headers', () => {

  it('sends a stream id and a request for a fresh answer as headers', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('data: {"type":"finish"}\n\ndata: [DONE]\n\n'));
    vi.stubGlobal('fetch', fetch);
    await fetchAnswer('/api/chat', { messages: [] }, new AbortController().signal, { onText: () => undefined }, { streamId: 'stream-1234', fresh: true });
    expect(fetch.mock.calls[0]?.[1].headers).toEqual({ 'content-type': 'application/json', 'x-rill-stream-id': 'stream-1234', 'cache-control': 'no-cache' });
  });
});

describe('resumeAnswer and stopAnswer', () => {
  const sse = (...chunks: object[]) =>
    new Response(chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });

  it('resuming reads the answer from its first token to the end', async () => {
    const fetch = vi.fn(async () => sse({ type: 'start' }, { type: 'text-delta', id: 't', delta: 'Hello ' }, { type: 'text-delta', id: 't', delta: 'again' }, { type: 'finish', messageMetadata: { model: 'm' } }));
    vi.stubGlobal('fetch', fetch);
    let text = '';
    const outcome = await resumeAnswer('stream-1234', new AbortController().signal, { onText: (delta) => (text += delta) });
    expect(fetch).toHaveBeenCalledWith('/api/answers/stream-1234', expect.anything());
    expect(outcome).toEqual({ status: 'done' });
    expect(text).toBe('Hello again');
  });

  it('an answer the server no longer has is gone, not an error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    expect(await resumeAnswer('stream-1234', new AbortController().signal, { onText: () => undefined })).toEqual({ status: 'gone' });
  });

  it('a rate-limited resume says how long to wait', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: 'Too many requests', code: 'rate_limited', retryAfter: 7 }, { status: 429 })));
    expect(await resumeAnswer('stream-1234', new AbortController().signal, { onText: () => undefined })).toMatchObject({
      status: 'error',
      error: { code: 'rate_limited', retryAfter: 7 },
    });
  });

  it('stop tells the server with DELETE and never throws', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('offline');
    });
    vi.stubGlobal('fetch', fetch);
    await expect(stopAnswer('stream-1234')).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith('/api/answers/stream-1234', expect.objectContaining({ method: 'DELETE' }));
  });
});
