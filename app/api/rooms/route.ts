import { newBoard } from '@/lib/collaborate/board';
import { createRoomSchema } from '@/lib/collaborate/room-commands';
import { newRoomId, rooms } from '@/lib/collaborate/server/rooms';
import { parseJsonRequest } from '@/lib/server/json-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Shares a page: creates a room holding its prompts and answers with the room's id. */
export async function POST(request: Request): Promise<Response> {
  const parsed = await parseJsonRequest(request, createRoomSchema, { maxBytes: 256 * 1024 });
  if (!parsed.ok) return parsed.response;
  const { mode, comparePrompt, panels } = parsed.data;
  const roomId = newRoomId();
  await rooms().store.create(roomId, newBoard(panels.map((settings) => ({ id: crypto.randomUUID(), settings })), mode, comparePrompt));
  return Response.json({ roomId }, { status: 201 });
}
