import type { UIMessageChunk } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '@/e2e/fake-upstream/server.mjs';
import { decodeStreamError } from '@/lib/errors';
import { streamAnswer } from './answer-stream';
import { createModelResolver } from './provider';

/** The model layer against a server speaking the real OpenAI wire format, faults included. */
let upstream: FakeUpstream;
let model: ReturnType<typeof createModelResolver>;

beforeAll(async () => {
  upstream = await startFakeUpstream({ defaultPaceMs: 1 });
  model = createModelResolver({ mode: 'compatible', baseURL: upstream.url, apiKey: 'sk-unit', defaultModel: 'fake-small', allowAnyModel: false });
});
afterAll(() => upstream.close());

async function answer(text: string, signal = new AbortController().signal) {
  const chunks: UIMessageChunk[] = [];
  const stream = streamAnswer({ model: model(), messages: [{ role: 'user', content: text }], abortSignal: signal });
  for await (const chunk of stream) chunks.push(chunk);
  const deltas = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
  const error = chunks.find((chunk) => chunk.type === 'error');
  const finish = chunks.find((chunk) => chunk.type === 'finish');
  return { deltas, text: deltas.join(''), error: error?.type === 'error' ? decodeStreamError(error.errorText) : undefined, finish };
}

const recordsFor = (marker: string) => upstream.log.filter((record) => record.lastUserText.includes(marker));

describe('streamAnswer through an OpenAI-compatible server', () => {
  it('streams the answer in pieces and reports model, timing and usage at the end', async () => {
    const { deltas, text, finish } = await answer('plain hello');
    expect(text).toBe('Echo: plain hello');
    expect(deltas.length).toBeGreaterThan(1);
    expect(finish?.type === 'finish' && finish.messageMetadata).toMatchObject({ model: 'fake-small', outputTokens: 3, finishReason: 'stop' });
    const [record] = recordsFor('plain hello');
    expect(record?.path).toBe('/v1/chat/completions');
    expect(record?.headers.authorization).toBe('Bearer sk-unit');
  });

  it('turns a reasoning model’s <think> section into reasoning parts, timed, and leaves the answer without it', async () => {
    const chunks: UIMessageChunk[] = [];
    for await (const chunk of streamAnswer({ model: model(), messages: [{ role: 'user', content: 'ponder [[think 5]]' }], abortSignal: new AbortController().signal })) chunks.push(chunk);
    const reasoning = chunks.flatMap((chunk) => (chunk.type === 'reasoning-delta' ? [chunk.delta] : [])).join('');
    const text = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : [])).join('');
    expect(reasoning.trim()).toBe('Let me think about what');
    expect(text.trim()).toBe('Echo: ponder');
    const finish = chunks.find((chunk) => chunk.type === 'finish');
    const metadata = (finish?.type === 'finish' ? finish.messageMetadata : undefined) as { reasoningMs?: number; outputTokens: number; reasoningTokens?: number };
    expect(metadata).toMatchObject({ reasoningMs: expect.any(Number) });
    // The server reports no split: the reasoning is estimated as the output less the answer, counted.
    expect(metadata.reasoningTokens).toBeGreaterThan(0);
    expect(metadata.reasoningTokens).toBeLessThan(metadata.outputTokens);
    // Told as soon as the thinking ends, before the first word of the answer.
    const told = chunks.findIndex((chunk) => chunk.type === 'message-metadata' && typeof (chunk.messageMetadata as { reasoningMs?: number }).reasoningMs === 'number');
    expect(told).toBeGreaterThan(-1);
    expect(told).toBeLessThan(chunks.findIndex((chunk) => chunk.type === 'text-delta'));
  });

  it('tells a hidden reasoning’s tokens as the provider reports them (OpenAI o-series over Chat Completions)', async () => {
    const { text, finish } = await answer('mull [[think 30 hidden]]');
    expect(text).toBe('Echo: mull');
    const metadata = finish?.type === 'finish' ? finish.messageMetadata : undefined;
    expect(metadata).toMatchObject({ outputTokens: 30 + 2, reasoningTokens: 30 });
    expect((metadata as { reasoningMs?: number }).reasoningMs).toBeUndefined();
  });

  it('keeps the text of a cut stream and says it was interrupted', async () => {
    const { text, error } = await answer('cut-me [[cut 3]]');
    expect(text).toBe('Echo: cut-me');
    expect(error?.code).toBe('interrupted');
  });

  it('fails fast on a long rate-limit wait, passing the wait on', async () => {
    const { text, error } = await answer('limited [[429 retry=30]]');
    expect(text).toBe('');
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: 30 });
    expect(recordsFor('limited')).toHaveLength(1);
  });

  it('retries a passing server error and answers', async () => {
    const { text, error } = await answer('flaky [[fail-once 500]]');
    expect(error).toBeUndefined();
    expect(text).toBe('Echo: flaky');
    expect(recordsFor('flaky').map((record) => record.status)).toEqual([500, 200]);
  });

  it('names a rejected key and an unknown model', async () => {
    expect((await answer('who [[401]]')).error?.code).toBe('auth');
    expect((await answer('what [[404]]')).error?.code).toBe('model_not_found');
  });

  it('cancels the upstream request when the caller aborts', async () => {
    const controller = new AbortController();
    const stream = streamAnswer({ model: model(), messages: [{ role: 'user', content: 'abort-me [[pace 50]] [[long 100]]' }], abortSignal: controller.signal });
    let deltas = 0;
    for await (const chunk of stream) if (chunk.type === 'text-delta' && ++deltas === 3) break;
    controller.abort();
    await expect.poll(() => recordsFor('abort-me')[0]?.aborted).toBe(true);
    expect(recordsFor('abort-me')[0]?.tokensSent).toBeLessThan(20);
  });
});
