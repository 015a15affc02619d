import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonRequest } from './json-request';

const schema = z.object({ name: z.string().min(1) });
const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://rill.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function errorOf(request: Request, maxBytes?: number) {
  const parsed = await parseJsonRequest(request, schema, { maxBytes });
  if (parsed.ok) throw new Error('expected a refusal');
  return { status: parsed.response.status, body: (await parsed.response.json()) as { error: string; code: string } };
}

describe('parseJsonRequest', () => {
  it('returns the validated body', async () => {
    expect(await parseJsonRequest(post('{"name":"Ada"}'), schema)).toEqual({ ok: true, data: { name: 'Ada' } });
    expect((await parseJsonRequest(post('{"name":"Ada"}', { 'content-type': 'application/json; charset=utf-8' }), schema)).ok).toBe(true);
  });

  it('refuses other content types with 415', async () => {
    expect(await errorOf(post('{"name":"Ada"}', { 'content-type': 'text/plain' }))).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
  });

  it('refuses malformed JSON and the wrong shape with 400, saying where', async () => {
    expect((await errorOf(post('{"name":'))).body.error).toBe('The request body is not valid JSON.');
    expect(await errorOf(post('{"name":""}'))).toMatchObject({ status: 400, body: { code: 'bad_request', error: expect.stringMatching(/^name: /) } });
  });

  it('refuses an oversized body from its declared length without reading it', async () => {
    const request = post('{}', { 'content-type': 'application/json', 'content-length': '5000000' });
    expect((await errorOf(request, 1000)).status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
      },
    });
    expect((await errorOf(post(body), 10 * 1024)).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });
  it('refuses a body that stops arriving with 408, and asks for the connection to close', async () => {
    const halfSent = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
    });
    const parsed = await parseJsonRequest(post(halfSent), schema, { timeoutMs: 50 });
    if (parsed.ok) throw new Error('expected a refusal');
    expect(parsed.response.status).toBe(408);
    expect(parsed.response.headers.get('connection')).toBe('close');
    expect(await parsed.response.json()).toMatchObject({ code: 'timeout', error: expect.stringMatching(/did not arrive within/) });
  });
});
