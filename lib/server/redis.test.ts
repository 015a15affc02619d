import type { Redis } from 'ioredis';
import { describe, expect, test } from 'vitest';
import { redisForTests } from '@/e2e/support/redis-for-unit-tests';
import { createClientLimits } from './rate-limit';

const TIMEOUT_MS = 200;
// Far above the timeout, so a busy machine cannot fail it, and far below the 15 s and more that
// ioredis's retries used to hold each command for while Redis was away.
const FAIL_FAST_MS = 3_000;
const RECOVERY_MS = 15_000;

const throwaway = redisForTests({ timeoutMs: TIMEOUT_MS });
const connect = () => throwaway.connect();

/** How a command ended and how long that took. */
async function timed(command: Promise<unknown>): Promise<{ ms: number; error?: string }> {
  const startedAt = performance.now();
  try {
    await command;
    return { ms: performance.now() - startedAt };
  } catch (error) {
    return { ms: performance.now() - startedAt, error: error instanceof Error ? error.message : String(error) };
  }
}

const pong = (redis: Redis) => redis.ping().catch(() => null);

describe('a Redis connection', { timeout: 30_000 }, () => {
  test('runs the commands sent while it is still being made, once it is up', async () => {
    const redis = connect();
    expect(await redis.set('early', 'yes')).toBe('OK');
    expect(await redis.get('early')).toBe('yes');
  });

  test('with Redis stopped, fails each command fast, lets the limits fall back to memory, and reconnects by itself', async () => {
    const redis = connect();
    expect(await redis.ping()).toBe('PONG');
    await throwaway.server().stop();

    for (const command of [() => redis.get('early'), () => redis.incr('count'), () => redis.multi().set('a', '1').pexpire('a', 1_000).exec(), () => redis.ping()]) {
      const outcome = await timed(command());
      expect(outcome.error).toBeDefined();
      expect(outcome.ms).toBeLessThan(FAIL_FAST_MS);
    }
    // An instance that starts during the outage does not wait for Redis either.
    const bornInOutage = connect();
    const outcome = await timed(bornInOutage.get('early'));
    expect(outcome.error).toBeDefined();
    expect(outcome.ms).toBeLessThan(FAIL_FAST_MS);

    const limits = createClientLimits({ rateLimitRequests: 2, rateLimitWindowSeconds: 60, maxConcurrentStreams: 0, dailyTokenQuota: 0, maxOutputTokens: 100 }, redis);
    const startedAt = performance.now();
    const admitted = [await limits.admitRequest('client'), await limits.admitRequest('client'), await limits.admitRequest('client')];
    expect(performance.now() - startedAt).toBeLessThan(FAIL_FAST_MS);
    expect(admitted.map((rejection) => rejection?.reason ?? 'admitted')).toEqual(['admitted', 'admitted', 'requests']);

    await throwaway.server().restart();
    await expect.poll(() => pong(redis), { timeout: RECOVERY_MS }).toBe('PONG');
    await expect.poll(() => pong(bornInOutage), { timeout: RECOVERY_MS }).toBe('PONG');
    expect(await redis.incr('count')).toBe(1);
  });

  test('with Redis hung, fails the command waiting on it after the timeout and the next ones at once, until it answers again', async () => {
    const redis = connect();
    expect(await redis.ping()).toBe('PONG');
    throwaway.server().pause();
    try {
      const first = await timed(redis.get('key'));
      expect(first.error).toBe('Command timed out');
      expect(first.ms).toBeLessThan(FAIL_FAST_MS);
      // The silent connection was dropped with that command, so these do not wait out a timeout of their own.
      for (const command of [() => redis.get('key'), () => redis.ping()]) {
        const outcome = await timed(command());
        expect(outcome.error).toBeDefined();
        expect(outcome.error).not.toBe('Command timed out');
      }
    } finally {
      throwaway.server().resume();
    }
    await expect.poll(() => pong(redis), { timeout: RECOVERY_MS }).toBe('PONG');
  });
});
