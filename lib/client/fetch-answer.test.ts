import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUIMessageStreamResponse } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { createOfflineModel } from '@/lib/ai/offline-model';
import { fetchAnswer } from './fetch-answer';

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
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const stream = streamAnswer({ model: createOfflineModel({ paceMs: req.url === '/slow' ? 30 : 0 }), messages: [{ role: 'user', content: 'hello' }], abortSignal: controller.signal });
    const response = createUIMessageStreamResponse({ stream });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    for await (const chunk of response.body!) if (!res.destroyed) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
  afterEach(() => vi.unstubAllGlobals());

  it('sends a stream id and a request for a fresh answer as headers', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('data: {"type":"finish"}\n\ndata: [DONE]\n\n'));
    vi.stubGlobal('fetch', fetch);
    await fetchAnswer('/api/chat', { messages: [] }, new AbortController().signal, { onText: () => undefined }, { streamId: 'stream-1234', fresh: true });
    expect(fetch.mock.calls[0]?.[1].headers).toEqual({ 'content-type': 'application/json', 'x-rill-stream-id': 'stream-1234', 'cache-control': 'no-cache' });
  });
});
