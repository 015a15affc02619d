import 'server-only';
import { Redis } from 'ioredis';
import { rillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The process's Redis connection when `REDIS_URL` is set, else null: every Redis-backed piece
 * (limits, cache, coalescing, resumable streams, rooms) falls back to memory in one process.
 */
export function sharedRedis(): Redis | null {
  return processSingleton('redis', () => {
    const url = rillConfig().redisUrl;
    return url ? createRedisConnection(url) : null;
  });
}

/** A new connection; pub/sub subscribers need their own, since a subscribed connection runs no commands. */
export function createRedisConnection(url = rillConfig().redisUrl): Redis {
  if (!url) throw new Error('REDIS_URL is not set');
  return new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: false });
}
