import 'server-only';
import { randomBytes } from 'node:crypto';
import { rillConfig, type RoomConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { createRedisConnection, sharedRedis } from '@/lib/server/redis';
import { createMemoryRoomStore } from './memory-room-store';
import { createRedisRoomStore } from './redis-room-store';
import type { RoomStore } from './room-store';

/** The process's room store: Redis when REDIS_URL is set (rooms shared by every instance), else memory. */
export function rooms(): { store: RoomStore; config: RoomConfig } {
  return processSingleton('rooms', () => {
    const config = rillConfig().rooms;
    const redis = sharedRedis();
    const options = { idleMs: config.idleMs, presenceTimeoutMs: config.presenceTimeoutMs };
    const store = redis ? createRedisRoomStore({ redis, subscriber: createRedisConnection() }, options) : createMemoryRoomStore(options);
    return { store, config };
  });
}

/** 16 random bytes (128 bits), URL-safe: a room's link is its only key, so it must not be guessable. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

export function isRoomId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
