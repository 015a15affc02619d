import { LRUCache } from 'lru-cache';
import type { Publisher, Subscriber } from 'resumable-stream/generic';

/**
 * resumable-stream's Redis contract, kept in this process: the no-Redis deployment resumes answers
 * with the same library code that the Redis one uses. Messages are delivered on a microtask, in
 * order, as Redis would deliver them asynchronously.
 */
export function createMemoryPubSub({ maxBytes = 64 * 1024 * 1024 }: { maxBytes?: number } = {}): { publisher: Publisher; subscriber: Subscriber } {
  const handlers = new Map<string, (message: string) => void>();
  // Finished answers are kept here for late resumers: bounded by size, oldest dropped first.
  const values = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (value) => Math.max(1, value.length) });

  const publisher: Publisher = {
    connect: async () => undefined,
    publish: async (channel, message) => {
      const handler = handlers.get(channel);
      if (handler) queueMicrotask(() => handler(message));
      return handler ? 1 : 0;
    },
    set: async (key, value, options) => {
      values.set(key, value, options?.EX ? { ttl: options.EX * 1000 } : undefined);
      return 'OK';
    },
    get: async (key) => values.get(key) ?? null,
    incr: async (key) => {
      const next = Number(values.get(key) ?? 0) + 1;
      if (!Number.isInteger(next)) throw new Error('ERR value is not an integer or out of range');
      const ttl = values.getRemainingTTL(key);
      values.set(key, String(next), Number.isFinite(ttl) && ttl > 0 ? { ttl } : undefined);
      return next;
    },
  };

  const subscriber: Subscriber = {
    connect: async () => undefined,
    subscribe: async (channel, callback) => {
      handlers.set(channel, callback);
    },
    unsubscribe: async (channel) => handlers.delete(channel),
  };

  return { publisher, subscriber };
}
