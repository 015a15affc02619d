import { errorFromResponse, rillError, type RillError } from '@/lib/errors';
import type { CreateRoomRequest, RoomCommand } from './room-commands';

export type RoomRequestResult<T> = { ok: true; data: T } | { ok: false; error: RillError };

/** Creates a room holding these prompts; its id is the secret part of the link. */
export function createRoom(request: CreateRoomRequest): Promise<RoomRequestResult<{ roomId: string }>> {
  return postJson('/api/rooms', request);
}

export function sendRoomCommand(roomId: string, command: RoomCommand): Promise<RoomRequestResult<unknown>> {
  return postJson(`/api/rooms/${encodeURIComponent(roomId)}/commands`, command);
}

async function postJson<T>(url: string, body: unknown): Promise<RoomRequestResult<T>> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return { ok: false, error: await errorFromResponse(response) };
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, error: rillError('network', 'Rill could not reach its server. Check your connection and try again.') };
  }
}
