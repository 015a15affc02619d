import 'server-only';
import type { RoomEvent, RoomMessage, RoomSnapshot } from '../room-events';
import { roomGoneMessage, type JoinResult, type RoomStore } from './room-store';

export interface RoomStreamOptions {
  participantId: string;
  /** The name the browser asked to be shown under, cleaned; empty for "Guest N". */
  name: string;
  maxParticipants: number;
  heartbeatMs: number;
  /** The request's signal: the browser going away ends the stream and its participant. */
  signal: AbortSignal;
  /** Called once when an opened stream ends, however it ends. */
  onClose?: () => void;
}

export type RoomStreamResult = { ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; status: number; error: string };

/**
 * A browser's view of a room as server-sent events: first a snapshot (the board and the text streamed
 * so far), then every later event, then nothing more once the browser leaves. Events are subscribed
 * to before the snapshot is read, so none falls between the two; those the snapshot already holds are dropped.
 */
export async function openRoomEventStream(store: RoomStore, roomId: string, options: RoomStreamOptions): Promise<RoomStreamResult> {
  const early: RoomEvent[] = [];
  let send: ((event: RoomEvent) => void) | undefined;
  const unsubscribe = await store.subscribe(roomId, (event) => (send ? send(event) : early.push(event)));

  let joined: JoinResult;
  let snapshot: RoomSnapshot | null;
  try {
    joined = await store.join(roomId, options.participantId, options.maxParticipants, options.name);
    const read = typeof joined === 'object' ? await store.snapshot(roomId) : null;
    // The snapshot tells this browser which of the people it is.
    snapshot = read && typeof joined === 'object' ? { ...read, you: joined } : null;
  } catch (error) {
    // The store failed after subscribing (Redis went away, or only its subscriber connection is back):
    // stop listening. A participant that did join drops out once its presence times out.
    await unsubscribe().catch(() => undefined);
    throw error;
  }
  if (!snapshot) {
    await unsubscribe();
    if (typeof joined === 'object') await store.leave(roomId, options.participantId);
    return joined === 'full'
      ? { ok: false, status: 409, error: `This room is full: at most ${options.maxParticipants} people can be in it at once. Try again later.` }
      : { ok: false, status: 404, error: roomGoneMessage };
  }

  const encoder = new TextEncoder();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  // With Redis unreachable these fail; the participant then drops out once its presence times out.
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose?.();
    unsubscribe().catch(() => undefined);
    store.leave(roomId, options.participantId).catch(() => undefined);
  };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (message: RoomMessage) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(message)}\n\n`));
      write(snapshot);
      send = (event) => {
        if (!closed && event.seq > snapshot.seq) write(event);
      };
      for (const event of early) send(event);
      // A comment line keeps proxies from closing an idle stream; the store hears the participant is still here.
      heartbeat = setInterval(() => {
        controller.enqueue(encoder.encode(': heartbeat\n\n'));
        store.stillHere(roomId, options.participantId).catch(() => undefined);
      }, options.heartbeatMs);
      options.signal.addEventListener('abort', () => {
        close();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      });
    },
    cancel: close,
  });
  return { ok: true, stream };
}
