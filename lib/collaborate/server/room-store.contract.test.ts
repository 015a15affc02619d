import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '@/e2e/support/redis-server';
import { addPanel, endRun, newBoard, startRun, updatePanel } from '../board';
import { createMemoryRoomStore } from './memory-room-store';
import { createRedisRoomStore } from './redis-room-store';
import type { RoomEvent } from '../room-events';
import type { RoomStore, RoomStoreOptions } from './room-store';

const options: RoomStoreOptions = { idleMs: 400, presenceTimeoutMs: 10_000, maxRooms: 1_000 };

/** Two handles on the same rooms: one process's store twice, or two "server instances" sharing one Redis. */
interface StorePair {
  a: RoomStore;
  b: RoomStore;
  close: () => Promise<void>;
}

let redisServer: RedisServer | undefined;
beforeAll(async () => {
  redisServer = await startRedisServer();
});
afterAll(async () => {
  await redisServer?.stop();
});

/** `db`: a Redis database of the pair's own, for a test that counts every room there is. */
const implementations: { name: string; pair: (overrides?: Partial<RoomStoreOptions>, db?: number) => StorePair }[] = [
  {
    name: 'memory',
    pair: (overrides = {}) => {
      const store = createMemoryRoomStore({ ...options, ...overrides });
      return { a: store, b: store, close: () => store.close() };
    },
  },
  {
    name: 'redis',
    pair: (overrides = {}, db = 0) => {
      const connections = Array.from({ length: 4 }, () => new Redis(redisServer!.url, { db }));
      const a = createRedisRoomStore({ redis: connections[0]!, subscriber: connections[1]! }, { ...options, ...overrides });
      const b = createRedisRoomStore({ redis: connections[2]!, subscriber: connections[3]! }, { ...options, ...overrides });
      return {
        a,
        b,
        close: async () => {
          await Promise.all([a.close(), b.close()]);
          for (const connection of connections) connection.disconnect();
        },
      };
    },
  },
];

let roomCount = 0;
const newRoomId = () => `room-${Date.now()}-${++roomCount}`;
const board = () => newBoard([{ id: 'p1', settings: { prompt: 'first' } }]);

async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(implementations)('$name room store', ({ pair }) => {
  describe('contract', () => {
    let stores: StorePair;
    beforeAll(() => {
      stores = pair();
    });
    afterAll(async () => {
      await stores.close();
    });

    it('gives back the board a room was created with, and null for an unknown room', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      const snapshot = await stores.b.snapshot(roomId);
      expect(snapshot).toMatchObject({ type: 'snapshot', seq: 0, board: board(), streams: {}, people: [] });
      expect(await stores.b.snapshot('no-such-room')).toBeNull();
    });

    it('publishes each change to subscribers of every instance, in order, with consecutive sequence numbers', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      const seen: RoomEvent[] = [];
      const unsubscribe = await stores.b.subscribe(roomId, (event) => seen.push(event));

      await stores.a.change(roomId, (current) => addPanel(current, 'p2', { prompt: 'second' }), 'browser-1');
      await stores.a.change(roomId, (current) => startRun(current, 'p2', { id: 'r1', startedAt: 1000 }));
      await stores.a.appendToRun(roomId, { runId: 'r1', text: 'Hello', chunks: 1, firstAt: 1100, lastAt: 1100 });
      await stores.a.appendToRun(roomId, { runId: 'r1', text: ' world', chunks: 2, firstAt: 1150, lastAt: 1200 });

      await eventually(() => seen.length, (n) => n === 4);
      expect(seen.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
      expect(seen.map((event) => event.type)).toEqual(['board', 'board', 'delta', 'delta']);
      expect(seen[0]).toMatchObject({ by: 'browser-1' });
      expect(seen[1]?.type === 'board' && seen[1].board.panels[1]?.run?.status).toBe('streaming');

      const snapshot = await stores.b.snapshot(roomId);
      expect(snapshot?.seq).toBe(4);
      expect(snapshot?.streams.r1).toEqual({ text: 'Hello world', chunks: 3, firstTokenAt: 1100, lastTokenAt: 1200 });
      await unsubscribe();
    });

    it('applies concurrent changes from two instances without losing either', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, newBoard([]));
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? stores.a : stores.b).change(roomId, (current) => addPanel(current, `p${i}`))),
      );
      const snapshot = await stores.a.snapshot(roomId);
      expect(snapshot?.board.panels.map((panel) => panel.id).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    });

    it('refuses what the board refuses, and says a missing room is gone', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      await stores.a.change(roomId, (current) => startRun(current, 'p1', { id: 'r1', startedAt: 1 }));
      const again = await stores.b.change(roomId, (current) => startRun(current, 'p1', { id: 'r2', startedAt: 2 }));
      expect(again).toMatchObject({ ok: false, status: 409 });
      expect(await stores.b.change('no-such-room', (current) => updatePanel(current, 'p1', { prompt: 'x' }))).toMatchObject({ ok: false, status: 404 });
    });

    it("keeps only the current runs' text", async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      await stores.a.change(roomId, (current) => startRun(current, 'p1', { id: 'old', startedAt: 1 }));
      await stores.a.appendToRun(roomId, { runId: 'old', text: 'old text', chunks: 2, firstAt: 2, lastAt: 3 });
      await stores.a.change(roomId, (current) => endRun(current, 'p1', 'old', { status: 'done', endedAt: 4 }));
      await stores.a.change(roomId, (current) => startRun(current, 'p1', { id: 'new', startedAt: 5 }));
      const snapshot = await stores.b.snapshot(roomId);
      expect(snapshot?.streams).toEqual({ new: { text: '', chunks: 0 } });
    });

    it('counts participants up to a limit, across instances, names them, and tells everyone who is here', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      const seen: RoomEvent[] = [];
      const unsubscribe = await stores.a.subscribe(roomId, (event) => seen.push(event));
      expect(await stores.a.join(roomId, 'alice', 2, 'Alice')).toEqual({ id: 1, name: 'Alice' });
      expect(await stores.b.join(roomId, 'bob', 2, '')).toEqual({ id: 2, name: 'Guest 2' });
      expect(await stores.b.join(roomId, 'carol', 2, 'Carol')).toBe('full');
      // A reconnect is not a newcomer: same number, and the name it asks for now.
      expect(await stores.a.join(roomId, 'alice', 2, 'Alice L.')).toEqual({ id: 1, name: 'Alice L.' });
      expect(await stores.a.join('no-such-room', 'dan', 2, '')).toBe('missing');
      const people = (await stores.b.snapshot(roomId))?.people;
      expect(people?.toSorted((x, y) => x.id - y.id)).toEqual([
        { id: 1, name: 'Alice L.' },
        { id: 2, name: 'Guest 2' },
      ]);

      await stores.b.leave(roomId, 'alice');
      expect(await stores.a.join(roomId, 'carol', 2, '<b>Carol</b>')).toEqual({ id: 3, name: '<b>Carol</b>' });
      const presence = await eventually(
        () => seen.flatMap((event) => (event.type === 'presence' ? [event.people.map((person) => person.name).toSorted()] : [])),
        (lists) => lists.length === 5,
      );
      expect(presence).toEqual([['Alice'], ['Alice', 'Guest 2'], ['Alice L.', 'Guest 2'], ['Guest 2'], ['<b>Carol</b>', 'Guest 2']]);
      await unsubscribe();
    });

    it('starts a shared room with the answers its page had', async () => {
      const roomId = newRoomId();
      const ended = { id: 'r1', status: 'done' as const, startedAt: 1, endedAt: 9 };
      await stores.a.create(roomId, { ...board(), panels: [{ ...board().panels[0]!, run: ended }] }, { r1: { text: '## Done', chunks: 3, firstTokenAt: 2, lastTokenAt: 8 } });
      expect((await stores.b.snapshot(roomId))?.streams).toEqual({ r1: { text: '## Done', chunks: 3, firstTokenAt: 2, lastTokenAt: 8 } });
    });

    it('stops delivering after unsubscribe', async () => {
      const roomId = newRoomId();
      await stores.a.create(roomId, board());
      const seen: RoomEvent[] = [];
      const kept: RoomEvent[] = [];
      const unsubscribe = await stores.b.subscribe(roomId, (event) => seen.push(event));
      const keep = await stores.b.subscribe(roomId, (event) => kept.push(event));
      await unsubscribe();
      await stores.a.change(roomId, (current) => updatePanel(current, 'p1', { prompt: 'changed' }));
      await eventually(() => kept.length, (n) => n === 1);
      expect(seen).toEqual([]);
      await keep();
    });

    it('expires a room after a while without activity, and activity keeps it alive', async () => {
      const idle = newRoomId();
      const busy = newRoomId();
      await stores.a.create(idle, board());
      await stores.a.create(busy, board());
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, options.idleMs / 2));
        await stores.b.change(busy, (current) => updatePanel(current, 'p1', { prompt: `edit ${i}` }));
      }
      expect(await stores.b.snapshot(idle)).toBeNull();
      expect((await stores.b.snapshot(busy))?.board.panels[0]?.prompt).toBe('edit 3');
    });
  });

  it('holds at most maxRooms rooms on every instance; a room expires to make way, one kept in use does not', async () => {
    const idleMs = 1_000;
    const stores = pair({ maxRooms: 2, idleMs }, 1);
    try {
      const [kept, left] = [newRoomId(), newRoomId()];
      expect(await stores.a.create(kept, board())).toBe('created');
      expect(await stores.a.create(left, board())).toBe('created');
      expect(await stores.b.create(newRoomId(), board())).toBe('full');
      // `kept` is used all along and `left` not at all: once `left` has expired a new room fits, and
      // `kept`, past the idle period it was first counted for, still counts.
      let edits = 0;
      const madeWay = await eventually(
        async () => {
          await stores.b.change(kept, (current) => updatePanel(current, 'p1', { prompt: `edit ${++edits}` }));
          return stores.b.create(newRoomId(), board());
        },
        (result) => result === 'created',
        idleMs * 10,
      );
      expect(madeWay).toBe('created');
      expect(await stores.a.snapshot(left)).toBeNull();
      expect(await stores.a.create(newRoomId(), board())).toBe('full');
    } finally {
      await stores.close();
    }
  });
});
