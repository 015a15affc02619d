import { after } from 'next/server';
import { commandChange, roomCommandSchema, type StartedRun } from '@/lib/collaborate/room-commands';
import { runInRoom } from '@/lib/collaborate/server/room-runner';
import { roomGoneMessage } from '@/lib/collaborate/server/room-store';
import { isRoomId, rooms } from '@/lib/collaborate/server/rooms';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** Changes a room: add, edit, remove, run or stop prompts. Everyone in the room sees the change. */
export async function POST(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const { roomId } = await params;
  if (!isRoomId(roomId)) return jsonError(404, roomGoneMessage, { code: 'bad_request' });
  const parsed = await parseJsonRequest(request, roomCommandSchema, { maxBytes: 64 * 1024 });
  if (!parsed.ok) return parsed.response;

  const { store, config } = rooms();
  const started: StartedRun[] = [];
  const result = await store.change(roomId, commandChange(parsed.data, { newId: () => crypto.randomUUID(), now: Date.now }, started), parsed.data.by);
  if (!result.ok) return jsonError(result.status, result.error, { code: result.status === 503 ? 'unavailable' : 'bad_request' });

  // The model calls outlive this request: everyone in the room reads them through the events stream.
  for (const run of started) after(runInRoom(store, { roomId, ...run }, { maxRunMs: config.maxRunMs }));
  return Response.json({ ok: true, started: started.map(({ panelId, runId }) => ({ panelId, runId })) });
}
