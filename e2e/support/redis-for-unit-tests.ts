import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createRedisConnection } from '@/lib/server/redis';
import { startRedisServer, type RedisServer } from './redis-server';

/**
 * For a Vitest file: a throwaway redis-server for the whole file, and connections to it made as the
 * app makes them (with `timeoutMs`), all closed when the file is done. `server()` is the running server,
 * which a test may stop, restart or pause to stand in for an outage.
 */
export function redisForTests({ timeoutMs }: { timeoutMs: number }) {
  let server: RedisServer | undefined;
  const connections: Redis[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await server?.stop();
  });
  const running = (): RedisServer => {
    if (!server) throw new Error('redis-server is not started yet: call this inside a test');
    return server;
  };
  return {
    server: running,
    connect(): Redis {
      const connection = createRedisConnection({ redisUrl: running().url, redisTimeoutMs: timeoutMs });
      // ioredis reports each failed reconnect as an 'error' event; the tests look at the commands instead.
      connection.on('error', () => undefined);
      connections.push(connection);
      return connection;
    },
  };
}
