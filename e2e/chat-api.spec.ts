import { expect, test } from '@playwright/test';

const valid = { messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] };
const json = { 'content-type': 'application/json' };

const badRequests: { name: string; body: string; headers?: Record<string, string>; status: number; error: RegExp }[] = [
  { name: 'not JSON', body: '{"messages": [', status: 400, error: /not valid JSON/ },
  { name: 'wrong shape', body: JSON.stringify({ messages: 'hello' }), status: 400, error: /messages/ },
  { name: 'no messages', body: JSON.stringify({ messages: [] }), status: 400, error: /at least one message/ },
  {
    name: 'unknown role',
    body: JSON.stringify({ messages: [{ id: 'x', role: 'wizard', parts: [{ type: 'text', text: 'hi' }] }] }),
    status: 400,
    error: /role/,
  },
  {
    name: 'no user message last',
    body: JSON.stringify({ messages: [{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'hi' }] }] }),
    status: 400,
    error: /last message must be a user message/,
  },
  {
    name: 'a message over the character limit',
    body: JSON.stringify({ messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'x'.repeat(100_001) }] }] }),
    status: 400,
    error: /at most 100,000 characters/,
  },
  { name: 'a body over 1 MB', body: JSON.stringify({ messages: [], pad: 'x'.repeat(1_100_000) }), status: 413, error: /larger than/ },
  { name: 'the wrong content type', body: JSON.stringify(valid), headers: { 'content-type': 'text/plain' }, status: 415, error: /JSON/ },
  { name: 'a temperature out of range', body: JSON.stringify({ ...valid, temperature: 9 }), status: 400, error: /temperature/ },
];

for (const bad of badRequests) {
  test(`POST /api/chat with ${bad.name} gets ${bad.status} and a JSON error`, async ({ request }) => {
    const response = await request.post('/api/chat', { data: Buffer.from(bad.body), headers: bad.headers ?? json });
    expect(response.status()).toBe(bad.status);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(bad.error);
  });
}

test('after a run of bad requests the server still answers a good one as a stream', async ({ request }) => {
  for (const bad of badRequests) await request.post('/api/chat', { data: Buffer.from(bad.body), headers: bad.headers ?? json });
  const response = await request.post('/api/chat', { data: valid, headers: json });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/event-stream');
  const text = await response.text();
  expect(text).toContain('"type":"text-delta"');
  expect(text).toContain('data: [DONE]');
});
