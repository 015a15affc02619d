import 'server-only';

export interface RoomConfig {
  idleMs: number;
  maxParticipants: number;
  heartbeatMs: number;
  presenceTimeoutMs: number;
  /** A run longer than this is stopped, so a forgotten one cannot hold a model call open forever. */
  maxRunMs: number;
}

type Env = Record<string, string | undefined>;

/** Room limits from the environment: ROOM_IDLE_MINUTES (default 30), ROOM_MAX_PARTICIPANTS (default 20). */
export function readRoomConfig(env: Env = process.env): RoomConfig {
  const heartbeatMs = 15_000;
  return {
    idleMs: positive(env.ROOM_IDLE_MINUTES, 30) * 60_000,
    maxParticipants: Math.floor(positive(env.ROOM_MAX_PARTICIPANTS, 20)),
    heartbeatMs,
    presenceTimeoutMs: heartbeatMs * 3,
    maxRunMs: 5 * 60_000,
  };
}

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value?.trim() && Number.isFinite(number) && number > 0 ? number : fallback;
}
