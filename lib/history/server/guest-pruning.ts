import 'server-only';
import { GUEST_OWNER_PREFIX } from '@/lib/accounts/server/guest-identity';
import type { ConversationStore } from '@/lib/db/conversation-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the chats of guests who have saved nothing for `idleDays` before `now`; returns how many guests went. */
export function pruneIdleGuests(store: ConversationStore, idleDays: number, now: number): Promise<number> {
  return store.removeIdleOwners(GUEST_OWNER_PREFIX, now - idleDays * DAY_MS);
}

/**
 * Deletes the chats of guests who have saved nothing for `idleDays`, now and then once a day: a guest
 * who never comes back (cleared cookies, another browser) would otherwise be kept for ever. Every
 * instance may run it; deleting twice deletes nothing more. `onPruned` hears how many guests went.
 */
export function pruneIdleGuestsDaily({ idleDays, store, onPruned, now = Date.now }: { idleDays: number; store: () => Promise<ConversationStore>; onPruned: (result: { guests: number } | { error: unknown }) => void; now?: () => number }): () => void {
  const prune = async () => {
    try {
      onPruned({ guests: await pruneIdleGuests(await store(), idleDays, now()) });
    } catch (error) {
      onPruned({ error });
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  // It must not keep a server that is shutting down alive.
  timer.unref();
  return () => clearInterval(timer);
}
