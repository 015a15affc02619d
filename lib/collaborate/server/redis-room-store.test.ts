import type { Redis } from 'ioredis';
import { expect, test } from 'vitest';
import { redisForTests } from '@/e2e/support/redis-for-unit-tests';
import { addPanel, newBoard } from '../board';
import type { RoomEvent } from '../room-events';
import { createRedisRoomStore } from './redis-room-store';

// Far above the connections' 200 ms timeout, far below the 15 s an outage used to stall each call for.
const FAIL_FAST_MS = 3_000;

const throwaway = redisForTests({ timeoutMs: 200 });
const connect = () => throwaway.connect();

test('with Redis stopped every call fails fast, and once it is back the same room can be made and watched again', { timeout: 30_000 }, async () => {
  const redis = connect();
  const subscriber = connect();
  const store = createRedisRoomStore({ redis, subscriber }, { idleMs: 60_000, presenceTimeoutMs: 10_000, maxRooms: 10 });
  const roomId = `outage-${Date.now()}`;
  await Promise.all([redis.ping(), subscriber.ping()]);
  await throwaway.server().stop();

  const calls = [
    () => store.create(roomId, newBoard([])),
    () => store.snapshot(roomId),
    () => store.subscribe(roomId, () => undefined),
    () => store.join(roomId, 'someone', 5, ''),
    () => store.change(roomId, (board) => addPanel(board, 'p1')),
  ];
  for (const call of calls) {
    const startedAt = performance.now();
    await expect(call()).rejects.toThrow();
    expect(performance.now() - startedAt).toBeLessThan(FAIL_FAST_MS);
  }

  await throwaway.server().restart();
  const up = (connection: Redis) => connection.ping().catch(() => null);
  await expect.poll(() => Promise.all([up(redis), up(subscriber)]), { timeout: 15_000 }).toEqual(['PONG', 'PONG']);
  await store.create(roomId, newBoard([]));
  const seen: RoomEvent[] = [];
  // The subscription that failed in the outage is not remembered as the room's.
  const unsubscribe = await store.subscribe(roomId, (event) => seen.push(event));
  await store.change(roomId, (board) => addPanel(board, 'p1'));
  await expect.poll(() => seen.map((event) => event.type)).toEqual(['board']);
  await unsubscribe();
  await store.close();
});
