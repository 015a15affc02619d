import { describe, expect, test } from 'vitest';
import { sseFrame, type AnswerChunk } from '@/lib/protocol/chunks';
import { createResponseCache, replayCached, requestKey } from './response-cache';

const answer = (text: string): string[] =>
  [
    { type: 'start', messageMetadata: { model: 'm' } },
    { type: 'text-delta', id: 't', delta: text },
    { type: 'finish', messageMetadata: { model: 'm', outputTokens: 3 } },
  ].map((chunk) => sseFrame(chunk as AnswerChunk));

describe('requestKey', () => {
  test('is the same for the same request whatever its key order, and differs when anything differs', () => {
    expect(requestKey({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestKey({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestKey({ a: 1, b: undefined })).toBe(requestKey({ a: 1 }));
    expect(requestKey({ a: 1, b: { c: [2, 1] } })).not.toBe(requestKey({ a: 1, b: { c: [1, 2] } }));
  });
});

describe('memory response cache', () => {
  const limits = { cacheTtlSeconds: 60, cacheMaxBytes: 2_000, cacheMaxEntryBytes: 600 };

  test('keeps answers and evicts the least recently used past its size bound', async () => {
    const cache = createResponseCache(limits, null)!;
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, answer(`answer ${i} ${'x'.repeat(150)}`));
    expect(await cache.get('k9')).toEqual(answer(`answer 9 ${'x'.repeat(150)}`));
    expect(await cache.get('k0')).toBeUndefined();
  });

  test('does not keep an answer larger than one entry may be', async () => {
    const cache = createResponseCache(limits, null)!;
    await cache.set('big', answer('y'.repeat(1_000)));
    expect(await cache.get('big')).toBeUndefined();
  });

  test('is off with a TTL of 0', () => {
    expect(createResponseCache({ ...limits, cacheTtlSeconds: 0 }, null)).toBeNull();
  });
});

test('a replayed answer is marked cached and otherwise unchanged', async () => {
  const replayed: AnswerChunk[] = [];
  for await (const chunk of replayCached(answer('hello'))) replayed.push(chunk);
  expect(replayed).toEqual([
    { type: 'start', messageMetadata: { model: 'm', cached: true } },
    { type: 'text-delta', id: 't', delta: 'hello' },
    { type: 'finish', messageMetadata: { model: 'm', outputTokens: 3, cached: true } },
  ]);
});
