import 'server-only';

export interface OpenStreamRefusal {
  status: 429 | 503;
  message: string;
  retryAfter: number;
}

/** Holds one open stream for a client until `release` (called once; later calls do nothing). */
export interface OpenStreamCaps {
  open(client: string): { release: () => void } | OpenStreamRefusal;
  /** Streams open now, in all. */
  readonly openCount: number;
}

/**
 * Caps on long-lived connections (room event streams) this process holds: per client and in all. They
 * count what one process holds open, which is what costs its memory and sockets, so they are kept here
 * rather than shared through Redis. 0 is unlimited.
 */
export function createOpenStreamCaps({ perClient, total }: { perClient: number; total: number }): OpenStreamCaps {
  const byClient = new Map<string, number>();
  let open = 0;
  return {
    get openCount() {
      return open;
    },
    open(client) {
      const held = byClient.get(client) ?? 0;
      if (perClient > 0 && held >= perClient) {
        return { status: 429, retryAfter: 5, message: `Too many rooms open at once: at most ${perClient} per person. Close a room's tab and try again.` };
      }
      if (total > 0 && open >= total) {
        return { status: 503, retryAfter: 30, message: 'Rill is serving as many room connections as it can. Try again in a little while.' };
      }
      byClient.set(client, held + 1);
      open += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          open -= 1;
          const left = (byClient.get(client) ?? 1) - 1;
          if (left > 0) byClient.set(client, left);
          else byClient.delete(client);
        },
      };
    },
  };
}
