import type { Redis } from 'ioredis';
import { droppedRunIds, type Board } from '../board';
import { boardSchema } from '../schemas';
import { emptyRunStream, type RunStream } from '../panel';
import { guestName } from '../person';
import { personSchema, roomEventSchema, type UnsequencedRoomEvent } from '../room-events';
import { roomGoneMessage, type RoomListener, type RoomStore, type RoomStoreOptions } from './room-store';

/**
 * Every write to a room is one Lua script, so Redis runs it as one step: it changes the room, gives
 * the event the room's next sequence number, publishes it and pushes the room's expiry back. The
 * order of sequence numbers is then the order of changes, on every server instance.
 */
const common = `
local function publish(event)
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  redis.call('PUBLISH', ARGV[1], seq .. ' ' .. event)
end
local function touch()
  for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
end
local function sweep(staleBefore)
  local stale = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', staleBefore)
  if #stale > 0 then
    redis.call('ZREM', KEYS[3], unpack(stale))
    redis.call('HDEL', KEYS[4], unpack(stale))
  end
end
-- Each person is stored as the JSON the presence event lists.
local function publishPresence()
  local people = redis.call('HVALS', KEYS[4])
  publish('{"type":"presence","people":[' .. table.concat(people, ',') .. ']}')
end
`;

// KEYS: room, runs, people (participant → last heard from), names (participant → person JSON). ARGV: channel, idleMs, then per script.
const scripts = {
  /** ARGV[3] expected version, [4] board, [5] event, [6..] run ids to drop. → 1, 0 missing, -1 conflict */
  roomChange: `${common}
local version = redis.call('HGET', KEYS[1], 'version')
if not version then return 0 end
if version ~= ARGV[3] then return -1 end
redis.call('HSET', KEYS[1], 'board', ARGV[4], 'version', tonumber(version) + 1)
for i = 6, #ARGV do
  redis.call('HDEL', KEYS[2], ARGV[i] .. ':text', ARGV[i] .. ':chunks', ARGV[i] .. ':first', ARGV[i] .. ':last')
end
publish(ARGV[5])
touch()
return 1`,
  /** ARGV[3] run id, [4] text, [5] chunks, [6] firstAt, [7] lastAt, [8] event */
  roomAppend: `${common}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local text = redis.call('HGET', KEYS[2], ARGV[3] .. ':text') or ''
redis.call('HSET', KEYS[2], ARGV[3] .. ':text', text .. ARGV[4], ARGV[3] .. ':last', ARGV[7])
redis.call('HINCRBY', KEYS[2], ARGV[3] .. ':chunks', ARGV[5])
redis.call('HSETNX', KEYS[2], ARGV[3] .. ':first', ARGV[6])
publish(ARGV[8])
touch()
return 1`,
  /** ARGV[3] participant, [4] now, [5] stale before, [6] max, [7] name ('' for a guest). → the person's number, 0 missing, -1 full */
  roomJoin: `${common}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
sweep(ARGV[5])
local known = redis.call('HGET', KEYS[4], ARGV[3])
if not known and redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[6]) then return -1 end
local id = known and cjson.decode(known).id or redis.call('HINCRBY', KEYS[1], 'arrivals', 1)
local name = ARGV[7]
if name == '' then name = 'Guest ' .. id end -- as guestName() says it
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
redis.call('HSET', KEYS[4], ARGV[3], cjson.encode({ id = id, name = name }))
publishPresence()
touch()
return id`,
  /** ARGV[3] participant, [4] now: only someone still counted in (XX), since a swept one has no name any more. */
  roomStillHere: `${common}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[3], 'XX', ARGV[4], ARGV[3])
touch()
return 1`,
  /** ARGV[3] participant, [4] stale before */
  roomLeave: `${common}
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('ZREM', KEYS[3], ARGV[3]) == 0 then return 0 end
redis.call('HDEL', KEYS[4], ARGV[3])
sweep(ARGV[4])
publishPresence()
return 1`,
};

type ScriptName = keyof typeof scripts;
type ScriptedRedis = Redis & Record<ScriptName, (...args: (string | number)[]) => Promise<number>>;

const MAX_CHANGE_ATTEMPTS = 50;
/** Every room's id, scored by when it expires unless used again: what `maxRooms` counts. */
const ROOM_INDEX = 'rill:rooms';

/**
 * Rooms in Redis, for several server instances: state in hashes, events over pub/sub. `redis` runs
 * commands; `subscriber` must be a connection of its own, since a subscribed connection runs nothing else.
 */
export function createRedisRoomStore(connections: { redis: Redis; subscriber: Redis }, options: RoomStoreOptions, now: () => number = Date.now): RoomStore {
  const redis = connections.redis as ScriptedRedis;
  const { subscriber } = connections;
  for (const [name, lua] of Object.entries(scripts)) redis.defineCommand(name, { numberOfKeys: 4, lua });

  // One subscriber connection serves every room this instance watches.
  const listeners = new Map<string, Set<RoomListener>>();
  const subscribed = new Map<string, Promise<unknown>>();
  subscriber.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    const parsed = parseMessage(message);
    if (!parsed.success) return;
    for (const listener of set) {
      try {
        listener(parsed.data);
      } catch {
        // One broken listener must not keep the event from the others.
      }
    }
  });

  /**
   * How many rooms exist, from an index of room ids scored by when each would expire. A room's own
   * key is what expires; an index entry past its score is checked against it when a room is created:
   * kept (re-scored) if the room was used since, dropped if it is gone. Each entry is checked at most
   * once per idle period, so counting stays cheap however many rooms there are.
   */
  const heldRooms = async (): Promise<number> => {
    const due = await redis.zrangebyscore(ROOM_INDEX, '-inf', now());
    if (due.length > 0) {
      const ttls = await Promise.all(due.map((roomId) => redis.pttl(keysOf(roomId).keys[0])));
      const alive = due.flatMap((roomId, index) => (ttls[index]! > 0 ? [now() + ttls[index]!, roomId] : []));
      const gone = due.filter((_, index) => ttls[index]! <= 0);
      if (alive.length > 0) await redis.zadd(ROOM_INDEX, ...alive);
      if (gone.length > 0) await redis.zrem(ROOM_INDEX, ...gone);
    }
    return redis.zcard(ROOM_INDEX);
  };

  const keysOf = (roomId: string) => {
    // The braces make every key of a room hash to one slot, so the scripts also run on Redis Cluster.
    const room = `rill:room:{${roomId}}`;
    return { keys: [room, `${room}:runs`, `${room}:people`, `${room}:names`] as const, channel: `${room}:events` };
  };
  const run = (name: ScriptName, roomId: string, ...args: (string | number)[]) => {
    const { keys, channel } = keysOf(roomId);
    return redis[name](...keys, channel, options.idleMs, ...args);
  };

  return {
    async create(roomId, board, streams = {}) {
      if ((await heldRooms()) >= options.maxRooms) return 'full';
      const [room, runs] = keysOf(roomId).keys;
      const texts = Object.entries(streams).flatMap(([runId, stream]) => Object.entries(streamFields(runId, stream)));
      const created = redis.multi().hset(room, { board: JSON.stringify(board), version: 0, seq: 0 }).pexpire(room, options.idleMs);
      if (texts.length > 0) created.hset(runs, Object.fromEntries(texts)).pexpire(runs, options.idleMs);
      await created.exec();
      // Not in the transaction: the index lives in a slot of its own (Redis Cluster).
      await redis.zadd(ROOM_INDEX, now() + options.idleMs, roomId);
      return 'created';
    },

    async snapshot(roomId) {
      const { keys } = keysOf(roomId);
      const staleBefore = now() - options.presenceTimeoutMs;
      // One transaction, so the board, the texts and the sequence number describe the same moment.
      const results = await redis.multi().hmget(keys[0], 'board', 'seq').hgetall(keys[1]).zrangebyscore(keys[2], `(${staleBefore}`, '+inf').hgetall(keys[3]).exec();
      const [[, boardAndSeq], [, runs], [, here], [, names]] = results as [
        [null, [string | null, string | null]],
        [null, Record<string, string>],
        [null, string[]],
        [null, Record<string, string>],
      ];
      if (!boardAndSeq[0]) return null;
      const people = here.flatMap((participantId) => (names[participantId] ? [personSchema.parse(JSON.parse(names[participantId]))] : []));
      const board = boardSchema.parse(JSON.parse(boardAndSeq[0]));
      const streams: Record<string, RunStream> = {};
      for (const panel of board.panels) if (panel.run) streams[panel.run.id] = readStream(runs, panel.run.id);
      return { type: 'snapshot', seq: Number(boardAndSeq[1] ?? 0), board, streams, people };
    },

    async change(roomId, change, by) {
      const [room] = keysOf(roomId).keys;
      // Optimistic: read, change, write only if nobody wrote in between; else read again.
      for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
        const [boardJson, version] = await redis.hmget(room, 'board', 'version');
        if (!boardJson || version == null) return { ok: false, status: 404, error: roomGoneMessage };
        const board: Board = boardSchema.parse(JSON.parse(boardJson));
        const result = change(board);
        if (!result.ok) return result;
        const event: UnsequencedRoomEvent = { type: 'board', board: result.board, ...(by ? { by } : {}) };
        const written = await run('roomChange', roomId, version, JSON.stringify(result.board), JSON.stringify(event), ...droppedRunIds(board, result.board));
        if (written === 1) return result;
        if (written === 0) return { ok: false, status: 404, error: roomGoneMessage };
      }
      return { ok: false, status: 503, error: 'The room is too busy to change right now. Try again.' };
    },

    async appendToRun(roomId, delta) {
      const event: UnsequencedRoomEvent = { type: 'delta', ...delta };
      await run('roomAppend', roomId, delta.runId, delta.text, delta.chunks, delta.firstAt, delta.lastAt, JSON.stringify(event));
    },

    async subscribe(roomId, listener) {
      const { channel } = keysOf(roomId);
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      const unsubscribe = async () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        subscribed.delete(channel);
        await subscriber.unsubscribe(channel);
      };
      if (!subscribed.has(channel)) subscribed.set(channel, subscriber.subscribe(channel));
      try {
        await subscribed.get(channel);
      } catch (error) {
        // Redis is unreachable: forget the attempt, so that the next subscribe, once it is back, tries again.
        await unsubscribe().catch(() => undefined);
        throw error;
      }
      return unsubscribe;
    },

    async join(roomId, participantId, maxParticipants, name) {
      const id = await run('roomJoin', roomId, participantId, now(), now() - options.presenceTimeoutMs, maxParticipants, name);
      return id > 0 ? { id, name: name || guestName(id) } : id === 0 ? 'missing' : 'full';
    },

    async stillHere(roomId, participantId) {
      await run('roomStillHere', roomId, participantId, now());
    },

    async leave(roomId, participantId) {
      await run('roomLeave', roomId, participantId, now() - options.presenceTimeoutMs);
    },

    /** Stops listening; the connections belong to whoever passed them in. */
    async close() {
      listeners.clear();
      subscribed.clear();
      await subscriber.unsubscribe();
    },
  };
}

/** A published message is `<seq> <event JSON>`: the script that publishes it numbers it. */
function parseMessage(message: string) {
  const space = message.indexOf(' ');
  try {
    return roomEventSchema.safeParse({ ...JSON.parse(message.slice(space + 1)), seq: Number(message.slice(0, space)) });
  } catch {
    return { success: false as const };
  }
}

/** A run's text and figures as the fields of the runs hash, as the append script writes them. */
function streamFields(runId: string, stream: RunStream): Record<string, string | number> {
  return {
    [`${runId}:text`]: stream.text,
    [`${runId}:chunks`]: stream.chunks,
    ...(stream.firstTokenAt !== undefined ? { [`${runId}:first`]: stream.firstTokenAt } : {}),
    ...(stream.lastTokenAt !== undefined ? { [`${runId}:last`]: stream.lastTokenAt } : {}),
  };
}

function readStream(runs: Record<string, string>, runId: string): RunStream {
  const text = runs[`${runId}:text`];
  if (text === undefined) return emptyRunStream;
  const first = runs[`${runId}:first`];
  const last = runs[`${runId}:last`];
  return {
    text,
    chunks: Number(runs[`${runId}:chunks`] ?? 0),
    ...(first ? { firstTokenAt: Number(first) } : {}),
    ...(last ? { lastTokenAt: Number(last) } : {}),
  };
}
