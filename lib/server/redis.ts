import 'server-only';
import { Redis } from 'ioredis';

let shared: Redis | null | undefined;

/**
 * The process's Redis connection when `REDIS_URL` is set, else null: every Redis-backed piece
 * (limits, cache, coalescing, resumable streams, rooms) falls back to memory in one process.
 */
export function sharedRedis(): Redis | null {
  if (shared === undefined) shared = process.env.REDIS_URL ? createRedisConnection(process.env.REDIS_URL) : null;
  return shared;
}

/** A new connection; pub/sub subscribers need their own, since a subscribed connection runs no commands. */
export function createRedisConnection(url = process.env.REDIS_URL): Redis {
  if (!url) throw new Error('REDIS_URL is not set');
  return new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: false });
}
