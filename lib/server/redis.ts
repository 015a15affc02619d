import 'server-only';
import { Redis } from 'ioredis';
import { rillConfig, type RillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The process's Redis connection when `REDIS_URL` is set, else null: every Redis-backed piece
 * (limits, cache, coalescing, resumable streams, rooms) falls back to memory in one process.
 */
export function sharedRedis(): Redis | null {
  return processSingleton('redis', () => {
    const config = rillConfig();
    return config.redisUrl ? createRedisConnection(config) : null;
  });
}

/**
 * A new connection; pub/sub subscribers need their own, since a subscribed connection runs no commands.
 * It fails fast, so that during an outage every caller falls back to this process's state within the
 * timeout instead of stalling its request, and it reconnects by itself once Redis is back.
 */
export function createRedisConnection({ redisUrl, redisTimeoutMs }: Pick<RillConfig, 'redisUrl' | 'redisTimeoutMs'> = rillConfig()): Redis {
  if (!redisUrl) throw new Error('REDIS_URL is not set');
  const connection = new Redis(redisUrl, {
    enableAutoPipelining: true,
    lazyConnect: false,
    // A Redis that hangs instead of refusing: the command fails, and the silent connection is dropped
    // so the commands after it fail at once rather than each waiting out the timeout.
    commandTimeout: redisTimeoutMs,
    socketTimeout: redisTimeoutMs,
    // A command in flight when the connection drops fails then and is never sent again after a
    // reconnect: its caller has already fallen back, so a late write would only contradict that.
    maxRetriesPerRequest: 0,
  });
  // Commands sent while the first connection is being made wait for it (a new instance's first
  // requests); after that, one sent while Redis is unreachable fails at once instead of queueing.
  const failWhileDisconnected = () => {
    connection.options.enableOfflineQueue = false;
  };
  connection.once('ready', failWhileDisconnected).once('close', failWhileDisconnected);
  return connection;
}
