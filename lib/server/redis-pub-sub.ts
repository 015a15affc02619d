import 'server-only';
import type { Redis } from 'ioredis';
import type { Publisher, Subscriber } from 'resumable-stream/generic';

/**
 * resumable-stream's publisher/subscriber contract on ioredis. A subscribed connection runs no other
 * commands, so the subscriber needs a connection of its own.
 */
export function createRedisPubSub(commands: Redis, subscriptions: Redis): { publisher: Publisher; subscriber: Subscriber } {
  const handlers = new Map<string, (message: string) => void>();
  subscriptions.on('message', (channel: string, message: string) => handlers.get(channel)?.(message));

  const publisher: Publisher = {
    connect: async () => undefined,
    publish: (channel, message) => commands.publish(channel, message),
    set: (key, value, options) => (options?.EX ? commands.set(key, value, 'EX', options.EX) : commands.set(key, value)),
    get: (key) => commands.get(key),
    incr: (key) => commands.incr(key),
  };

  const subscriber: Subscriber = {
    connect: async () => undefined,
    subscribe: async (channel, callback) => {
      handlers.set(channel, callback);
      // Redis is unreachable: forget the handler, or every answer during an outage would leave one behind.
      await subscriptions.subscribe(channel).catch((error: unknown) => {
        handlers.delete(channel);
        throw error;
      });
    },
    unsubscribe: async (channel) => {
      handlers.delete(channel);
      return subscriptions.unsubscribe(channel);
    },
  };

  return { publisher, subscriber };
}
