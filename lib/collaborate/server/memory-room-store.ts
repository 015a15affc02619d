import { droppedRunIds, type Board } from '../board';
import { appendDelta, emptyRunStream, type RunStream } from '../panel';
import { guestName, type Person } from '../person';
import type { RoomEvent, UnsequencedRoomEvent } from '../room-events';
import { roomGoneMessage, type RoomListener, type RoomStore, type RoomStoreOptions } from './room-store';

interface MemoryRoom {
  board: Board;
  seq: number;
  streams: Map<string, RunStream>;
  /** Participant id → who they are and when last heard from. */
  participants: Map<string, { person: Person; seenAt: number }>;
  /** People who ever joined: the next one is Guest arrivals + 1. */
  arrivals: number;
  expiresAt: number;
}

/** Rooms in this process's memory: the default, for one server (e.g. `npm run dev`). */
export function createMemoryRoomStore(options: RoomStoreOptions, now: () => number = Date.now): RoomStore {
  const rooms = new Map<string, MemoryRoom>();
  const listeners = new Map<string, Set<RoomListener>>();

  const live = (roomId: string): MemoryRoom | undefined => {
    const room = rooms.get(roomId);
    if (room && room.expiresAt <= now()) {
      rooms.delete(roomId);
      return undefined;
    }
    return room;
  };

  const touch = (room: MemoryRoom) => {
    room.expiresAt = now() + options.idleMs;
  };

  const publish = (roomId: string, room: MemoryRoom, event: UnsequencedRoomEvent) => {
    room.seq += 1;
    const sequenced = { ...event, seq: room.seq } as RoomEvent;
    for (const listener of listeners.get(roomId) ?? []) {
      try {
        listener(sequenced);
      } catch {
        // One broken listener must not keep the event from the others.
      }
    }
  };

  /** Who is here, once those not heard from in a while are let go. */
  const present = (room: MemoryRoom): Person[] => {
    const staleBefore = now() - options.presenceTimeoutMs;
    for (const [id, { seenAt }] of room.participants) if (seenAt <= staleBefore) room.participants.delete(id);
    return [...room.participants.values()].map(({ person }) => person);
  };

  return {
    async create(roomId, board, streams = {}) {
      for (const id of rooms.keys()) live(id); // sweeps expired rooms, so memory holds only live ones
      if (rooms.size >= options.maxRooms) return 'full';
      rooms.set(roomId, { board, seq: 0, streams: new Map(Object.entries(streams)), participants: new Map(), arrivals: 0, expiresAt: now() + options.idleMs });
      return 'created';
    },

    async snapshot(roomId) {
      const room = live(roomId);
      if (!room) return null;
      const streams: Record<string, RunStream> = {};
      for (const panel of room.board.panels) if (panel.run) streams[panel.run.id] = room.streams.get(panel.run.id) ?? emptyRunStream;
      return { type: 'snapshot', seq: room.seq, board: room.board, streams, people: present(room) };
    },

    async change(roomId, change, by) {
      const room = live(roomId);
      if (!room) return { ok: false, status: 404, error: roomGoneMessage };
      const result = change(room.board);
      if (!result.ok) return result;
      for (const runId of droppedRunIds(room.board, result.board)) room.streams.delete(runId);
      room.board = result.board;
      touch(room);
      publish(roomId, room, { type: 'board', board: result.board, ...(by ? { by } : {}) });
      return result;
    },

    async appendToRun(roomId, delta) {
      const room = live(roomId);
      if (!room) return;
      room.streams.set(delta.runId, appendDelta(room.streams.get(delta.runId) ?? emptyRunStream, delta));
      touch(room);
      publish(roomId, room, { type: 'delta', ...delta });
    },

    async subscribe(roomId, listener) {
      const set = listeners.get(roomId) ?? new Set();
      listeners.set(roomId, set);
      set.add(listener);
      return async () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(roomId);
      };
    },

    async join(roomId, participantId, maxParticipants, name) {
      const room = live(roomId);
      if (!room) return 'missing';
      const known = room.participants.get(participantId);
      if (!known && present(room).length >= maxParticipants) return 'full';
      const id = known?.person.id ?? ++room.arrivals;
      const person = { id, name: name || guestName(id) };
      room.participants.set(participantId, { person, seenAt: now() });
      touch(room);
      publish(roomId, room, { type: 'presence', people: present(room) });
      return person;
    },

    async stillHere(roomId, participantId) {
      const room = live(roomId);
      const known = room?.participants.get(participantId);
      if (!room || !known) return;
      known.seenAt = now();
      touch(room);
    },

    async leave(roomId, participantId) {
      const room = live(roomId);
      if (!room?.participants.delete(participantId)) return;
      publish(roomId, room, { type: 'presence', people: present(room) });
    },

    async close() {
      rooms.clear();
      listeners.clear();
    },
  };
}
