import { openRoomEventStream } from '@/lib/collaborate/server/room-event-stream';
import { roomGoneMessage } from '@/lib/collaborate/server/room-store';
import { isRoomId, rooms } from '@/lib/collaborate/server/rooms';
import { jsonError } from '@/lib/server/json-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** A room's live events, as server-sent events: a snapshot first, then every change and every piece of text. */
export async function GET(request: Request, { params }: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const { roomId } = await params;
  if (!isRoomId(roomId)) return jsonError(404, roomGoneMessage, { code: 'bad_request' });
  const { store, config } = rooms();
  const opened = await openRoomEventStream(store, roomId, {
    participantId: crypto.randomUUID(),
    maxParticipants: config.maxParticipants,
    heartbeatMs: config.heartbeatMs,
    signal: request.signal,
  });
  if (!opened.ok) return jsonError(opened.status, opened.error, { code: 'bad_request' });
  return new Response(opened.stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
