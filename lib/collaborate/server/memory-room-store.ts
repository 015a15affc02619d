import { droppedRunIds, type Board } from '../board';
import { appendDelta, emptyRunStream, type RunStream } from '../panel';
import type { RoomEvent, UnsequencedRoomEvent } from '../room-events';
import { roomGoneMessage, type RoomListener, type RoomStore, type RoomStoreOptions } from './room-store';

interface MemoryRoom {
  board: Board;
  seq: number;
  streams: Map<string, RunStream>;
  /** Participant id → when last heard from. */
  participants: Map<string, number>;
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

  const countPresent = (room: MemoryRoom) => {
    const staleBefore = now() - options.presenceTimeoutMs;
    for (const [id, seenAt] of room.participants) if (seenAt <= staleBefore) room.participants.delete(id);
    return room.participants.size;
  };

  return {
    async create(roomId, board) {
      for (const id of rooms.keys()) live(id); // sweeps expired rooms, so memory holds only live ones
      if (rooms.size >= options.maxRooms) return 'full';
      rooms.set(roomId, { board, seq: 0, streams: new Map(), participants: new Map(), expiresAt: now() + options.idleMs });
      return 'created';
    },

    async snapshot(roomId) {
      const room = live(roomId);
      if (!room) return null;
      const streams: Record<string, RunStream> = {};
      for (const panel of room.board.panels) if (panel.run) streams[panel.run.id] = room.streams.get(panel.run.id) ?? emptyRunStream;
      return { type: 'snapshot', seq: room.seq, board: room.board, streams, participants: countPresent(room) };
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

    async join(roomId, participantId, maxParticipants) {
      const room = live(roomId);
      if (!room) return 'missing';
      if (!room.participants.has(participantId) && countPresent(room) >= maxParticipants) return 'full';
      room.participants.set(participantId, now());
      touch(room);
      publish(roomId, room, { type: 'presence', participants: room.participants.size });
      return 'joined';
    },

    async stillHere(roomId, participantId) {
      const room = live(roomId);
      if (!room) return;
      room.participants.set(participantId, now());
      touch(room);
    },

    async leave(roomId, participantId) {
      const room = live(roomId);
      if (!room?.participants.delete(participantId)) return;
      publish(roomId, room, { type: 'presence', participants: countPresent(room) });
    },

    async close() {
      rooms.clear();
      listeners.clear();
    },
  };
}
