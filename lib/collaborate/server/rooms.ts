import 'server-only';
import { randomBytes } from 'node:crypto';
import { rillConfig, type RoomConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { createOpenStreamCaps, type OpenStreamCaps } from '@/lib/server/open-streams';
import { createClientBudget, type ClientBudget } from '@/lib/server/rate-limit';
import { createRedisConnection, sharedRedis } from '@/lib/server/redis';
import { createMemoryRoomStore } from './memory-room-store';
import { createRedisRoomStore } from './redis-room-store';
import type { RoomStore } from './room-store';

export interface Rooms {
  store: RoomStore;
  config: RoomConfig;
  /** Rooms each client may start per hour. */
  creates: ClientBudget;
  /** The room event streams this process holds open. */
  eventStreams: OpenStreamCaps;
}

/** The process's rooms: in Redis when REDIS_URL is set (shared by every instance), else in memory; and their caps. */
export function rooms(): Rooms {
  return processSingleton('rooms', () => {
    const config = rillConfig().rooms;
    const redis = sharedRedis();
    const options = { idleMs: config.idleMs, presenceTimeoutMs: config.presenceTimeoutMs, maxRooms: config.maxRooms };
    const store = redis ? createRedisRoomStore({ redis, subscriber: createRedisConnection() }, options) : createMemoryRoomStore(options);
    return {
      store,
      config,
      creates: createClientBudget(redis, 'room-creates', config.createsPerHour, 60 * 60),
      eventStreams: createOpenStreamCaps({ perClient: config.streamsPerClient, total: config.streamsTotal }),
    };
  });
}

/** 16 random bytes (128 bits), URL-safe: a room's link is its only key, so it must not be guessable. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

export function isRoomId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
