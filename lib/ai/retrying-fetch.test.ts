import { expect, test } from 'vitest';
import { createRetryingFetch } from './retrying-fetch';

const policy = { maxRetries: 2, baseDelayMs: 1, maxWaitMs: 1_000 };

function scripted(statuses: number[], headers: Record<string, string> = {}) {
  const calls: number[] = [];
  const fetch = (async () => {
    const status = statuses[Math.min(calls.length, statuses.length - 1)]!;
    calls.push(status);
    return new Response(status === 200 ? 'ok' : 'no', { status, headers });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

test('a 500 or 429 is retried and the later success returned', async () => {
  const upstream = scripted([500, 429, 200], { 'retry-after-ms': '5' });
  const response = await createRetryingFetch(policy, upstream.fetch)('http://model');
  expect(response.status).toBe(200);
  expect(upstream.calls).toEqual([500, 429, 200]);
});

test('retries are bounded: the last failure is returned', async () => {
  const upstream = scripted([503]);
  expect((await createRetryingFetch(policy, upstream.fetch)('http://model')).status).toBe(503);
  expect(upstream.calls).toHaveLength(3);
});

test('a retry-after longer than the policy allows is returned at once, for the user to see', async () => {
  const upstream = scripted([429, 200], { 'retry-after': '30' });
  expect((await createRetryingFetch(policy, upstream.fetch)('http://model')).status).toBe(429);
  expect(upstream.calls).toHaveLength(1);
});

test('an abort during the wait before a retry ends the call without retrying', async () => {
  const upstream = scripted([500, 200], { 'retry-after': '1' });
  const controller = new AbortController();
  const pending = createRetryingFetch(policy, upstream.fetch)('http://model', { signal: controller.signal });
  setTimeout(() => controller.abort(new DOMException('gone', 'AbortError')), 10);
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  expect(upstream.calls).toHaveLength(1);
});
