import type { Board, BoardChange } from '../board';
import type { RunDelta, RunStream } from '../panel';
import type { Person } from '../person';
import type { RoomEvent, RoomSnapshot } from '../room-events';

export const roomGoneMessage = 'This room does not exist or has expired after a while without activity. Start a new one from Collaborate.';

export type RoomListener = (event: RoomEvent) => void;

/** The person joined as (numbered by the room, named as asked or as a guest), or why not. */
export type JoinResult = Person | 'full' | 'missing';

export type ChangeResult = { ok: true; board: Board } | { ok: false; status: number; error: string };

export interface RoomStoreOptions {
  /** A room nobody writes to or watches for this long is deleted. */
  idleMs: number;
  /** A participant not heard from for this long (a server that died with its connections) no longer counts. */
  presenceTimeoutMs: number;
  /** Rooms held at once; a new one past it is refused until others expire. */
  maxRooms: number;
}

export const roomsFullMessage = 'Rill holds as many shared rooms as it can right now. Try again later, when older rooms have expired.';

/**
 * Where rooms live and how their events travel. The memory store serves one process; the Redis store
 * lets several server instances share rooms. Nothing else knows which one it has.
 */
export interface RoomStore {
  /** 'full' when `maxRooms` rooms are already held. `streams`: the text its runs already have, by run id. */
  create(roomId: string, board: Board, streams?: Record<string, RunStream>): Promise<'created' | 'full'>;
  /** The room as of its latest event, or null when it does not exist (or expired). */
  snapshot(roomId: string): Promise<RoomSnapshot | null>;
  /**
   * Applies `change` to the room's board as one atomic step, even when several instances change the
   * same room at once, and publishes the new board. `change` may run more than once, so it must be pure.
   */
  change(roomId: string, change: (board: Board) => BoardChange, by?: string): Promise<ChangeResult>;
  /** Adds text to a run's stream and publishes it. */
  appendToRun(roomId: string, delta: RunDelta): Promise<void>;
  /** Calls `listener` with each event of the room, in order, from now on. Resolves once subscribed. */
  subscribe(roomId: string, listener: RoomListener): Promise<() => Promise<void>>;
  /**
   * Counts a participant in, under `name` (already cleaned; empty for "Guest N"). The same participant
   * joining again (a reconnect) keeps their number and is not counted twice.
   */
  join(roomId: string, participantId: string, maxParticipants: number, name: string): Promise<JoinResult>;
  /** A participant's heartbeat: keeps them counted and the room alive. */
  stillHere(roomId: string, participantId: string): Promise<void>;
  leave(roomId: string, participantId: string): Promise<void>;
  close(): Promise<void>;
}
