import 'server-only';
import { randomBytes } from 'node:crypto';
import { createRedisConnection, sharedRedis } from '@/lib/server/redis';
import { createMemoryRoomStore } from './memory-room-store';
import { createRedisRoomStore } from './redis-room-store';
import { readRoomConfig, type RoomConfig } from './room-config';
import type { RoomStore } from './room-store';

interface Rooms {
  store: RoomStore;
  config: RoomConfig;
}

// Kept on globalThis so that `next dev` reloading this module does not forget the rooms in memory.
const holder = globalThis as typeof globalThis & { rillRooms?: Rooms };

/** The process's room store: Redis when REDIS_URL is set (rooms shared by every instance), else memory. */
export function rooms(): Rooms {
  if (!holder.rillRooms) {
    const config = readRoomConfig();
    const redis = sharedRedis();
    const options = { idleMs: config.idleMs, presenceTimeoutMs: config.presenceTimeoutMs };
    const store = redis ? createRedisRoomStore({ redis, subscriber: createRedisConnection() }, options) : createMemoryRoomStore(options);
    holder.rillRooms = { store, config };
  }
  return holder.rillRooms;
}

/** 16 random bytes (128 bits), URL-safe: a room's link is its only key, so it must not be guessable. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

export function isRoomId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
