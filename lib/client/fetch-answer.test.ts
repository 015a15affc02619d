import { afterEach, expect, test, vi } from 'vitest';
import { fetchAnswer } from './fetch-answer';

afterEach(() => vi.unstubAllGlobals());

test('a stream id and a request for a fresh answer travel as headers', async () => {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('data: {"type":"finish"}\n\ndata: [DONE]\n\n'));
  vi.stubGlobal('fetch', fetch);
  await fetchAnswer('/api/chat', { messages: [] }, new AbortController().signal, { onText: () => undefined }, { streamId: 'stream-1234', fresh: true });
  expect(fetch.mock.calls[0]?.[1].headers).toEqual({ 'content-type': 'application/json', 'x-rill-stream-id': 'stream-1234', 'cache-control': 'no-cache' });
});
