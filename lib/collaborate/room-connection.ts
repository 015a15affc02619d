import { errorFromResponse, rillError, type RillError } from '@/lib/errors';
import { readServerSentEvents } from '@/lib/protocol/read-sse';
import type { RoomMessage } from './room-events';

export type RoomConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'reconnecting'; error: RillError }
  /** The room cannot be joined (gone or full): retrying on its own would not help. */
  | { kind: 'failed'; error: RillError };

export interface RoomConnectionHandlers {
  /** Returns 'resync' to drop this stream and start again from a fresh snapshot. */
  onMessage: (message: RoomMessage) => 'ok' | 'resync';
  onStatus: (status: RoomConnectionStatus) => void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Listens to a room's event stream, as `name` (empty for a guest), until closed, reconnecting with backoff when the connection drops.
 * It reads the stream with fetch rather than EventSource, so a refusal (room gone, room full) arrives
 * with its message instead of as a bare failed connection.
 */
export function connectRoom(roomId: string, name: string, handlers: RoomConnectionHandlers): () => void {
  let closed = false;
  let current: AbortController | undefined;

  const lost = rillError('network', 'Lost the connection to the room. Reconnecting…');
  /** 'stop', or why to try again: the server's own reason when it refused (too many rooms open), so the page can say it. */
  const listenOnce = async (signal: AbortSignal): Promise<'stop' | RillError> => {
    let response: Response;
    try {
      const query = name ? `?${new URLSearchParams({ name })}` : '';
      response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/events${query}`, { signal, headers: { accept: 'text/event-stream' } });
    } catch {
      return lost;
    }
    if (!response.ok || !response.body) {
      const error = await errorFromResponse(response);
      if (response.status === 404 || response.status === 409) {
        handlers.onStatus({ kind: 'failed', error });
        return 'stop';
      }
      return error;
    }
    try {
      // The schemas (and zod) load with the first room joined, not with every Collaborate page.
      const parseRoomMessage = await roomMessageParser();
      await readServerSentEvents(response.body, (data) => {
        const message = parseRoomMessage(data);
        if (!message) return;
        if (message.type === 'snapshot') handlers.onStatus({ kind: 'live' });
        if (handlers.onMessage(message) === 'resync') return 'stop';
      });
    } catch {
      // The connection dropped (or the schemas could not load): reconnect below.
    }
    return lost;
  };

  void (async () => {
    for (let attempt = 0; !closed; attempt++) {
      current = new AbortController();
      const outcome = await listenOnce(current.signal);
      current.abort();
      if (closed || outcome === 'stop') return;
      handlers.onStatus({ kind: 'reconnecting', error: outcome });
      const backoffMs = Math.min(500 * 2 ** attempt, MAX_BACKOFF_MS);
      await new Promise((resolve) => setTimeout(resolve, Math.max(backoffMs, (outcome.retryAfter ?? 0) * 1000)));
    }
  })();

  handlers.onStatus({ kind: 'connecting' });
  return () => {
    closed = true;
    current?.abort();
  };
}

async function roomMessageParser(): Promise<(data: string) => RoomMessage | undefined> {
  const { roomMessageSchema } = await import('./room-events');
  return (data) => {
    try {
      const parsed = roomMessageSchema.safeParse(JSON.parse(data));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
}
