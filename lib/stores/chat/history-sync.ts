import type { StoreApi } from 'zustand';
import { errorFromResponse } from '@/lib/errors';
import type { Conversation } from '@/lib/chat/types';
import type { ChatState } from './state';

export interface HistorySyncOptions {
  fetch?: typeof fetch;
  /** How long a conversation stays unchanged before it is saved: a burst of edits is one request. */
  debounceMs?: number;
  /** The first wait after a failure; it doubles up to a minute. */
  retryMs?: number;
  /** Where changes not yet on the server are noted, so a reload neither forgets nor undoes them. */
  pending?: PendingChanges;
}

/** The conversations changed or deleted here that the server has not confirmed yet. */
export interface PendingChanges {
  load(): { changed: string[]; deleted: string[] };
  save(changes: { changed: string[]; deleted: string[] }): void;
}

const PENDING_KEY = 'rill-history-pending';

/** In localStorage beside the chats; in memory where there is none (or it refuses). */
export function browserPendingChanges(): PendingChanges {
  let kept = { changed: [] as string[], deleted: [] as string[] };
  return {
    load() {
      try {
        const saved = JSON.parse(globalThis.localStorage?.getItem(PENDING_KEY) ?? 'null') as typeof kept | null;
        if (saved && Array.isArray(saved.changed) && Array.isArray(saved.deleted)) kept = saved;
      } catch {
        // Unreadable: nothing is pending, and the next pull reconciles.
      }
      return kept;
    },
    save(changes) {
      kept = changes;
      try {
        if (changes.changed.length + changes.deleted.length === 0) globalThis.localStorage?.removeItem(PENDING_KEY);
        else globalThis.localStorage?.setItem(PENDING_KEY, JSON.stringify(changes));
      } catch {
        // Storage full or refused: kept in memory for this page.
      }
    },
  };
}

const MAX_RETRY_MS = 60_000;
const offlineNotice = 'Rill could not reach its server: your chats are kept in this browser, and saved to the server once it is back.';

/**
 * Keeps the server's copy of the conversations in step with the browser's, in the background. The
 * store stays the page's source of truth: it is never made to wait. On start the server's copies are
 * brought in (a copy newer than the browser's wins, so another device's edits arrive, and a browser
 * whose storage was cleared gets its chats back); after that each conversation is saved once it has
 * been still for a moment and no answer is streaming into it, and a deleted one is deleted there. A
 * failure keeps the change for later and says so in `historyNotice`.
 */
export function startHistorySync(store: StoreApi<ChatState>, { fetch: send = fetch, debounceMs = 500, retryMs = 2_000, pending = browserPendingChanges() }: HistorySyncOptions = {}): () => void {
  /** Each conversation as the server last confirmed it (the same object, unchanged since). */
  const confirmed = new Map<string, Conversation>();
  // What the page before a reload had not saved yet is still to save: a rename, or a delete, made
  // just before it, must not be undone by the server's older copy.
  const saved = pending.load();
  const dirty = new Set<string>(saved.changed);
  const deletions = new Set<string>(saved.deleted);
  const remember = () => pending.save({ changed: [...dirty], deleted: [...deletions] });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  /** A retry is scheduled: changes wait for it rather than asking sooner. */
  let retrying = false;
  let stopped = false;
  let pulled = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), delayMs);
  };

  /**
   * Says why, and whether waiting can help: no connection, a busy or briefly unreachable server
   * (429, or a 5xx that names a wait) is tried again later, with backoff; anything else (a refusal,
   * a server that keeps no history) is not.
   */
  const failed = async (response: Response | undefined): Promise<'retry' | 'give-up'> => {
    const error = response ? await errorFromResponse(response) : undefined;
    store.setState({ historyNotice: error?.message ?? offlineNotice });
    const waitHelps = !response || response.status === 429 || (response.status >= 500 && error?.retryAfter !== undefined);
    if (!waitHelps) return 'give-up';
    failures += 1;
    retrying = true;
    schedule(Math.max(Math.min(retryMs * 2 ** (failures - 1), MAX_RETRY_MS), (error?.retryAfter ?? 0) * 1000));
    return 'retry';
  };

  const succeeded = () => {
    failures = 0;
    retrying = false;
    if (store.getState().historyNotice) store.setState({ historyNotice: null });
  };

  /** Brings the server's copies in; 'retry' when it should be asked again later. */
  async function pull(): Promise<'done' | 'retry' | 'give-up'> {
    const response = await send('/api/conversations', { headers: { accept: 'application/json' } }).catch(() => undefined);
    if (!response?.ok) {
      // Whatever the server said, the page knows now what it has: a chat not in this browser is missing.
      store.setState({ historyReady: true });
      return failed(response);
    }
    const { conversations } = (await response.json()) as { conversations: Conversation[] };
    const local = store.getState().conversations;
    const merged = { ...local };
    for (const remote of conversations) {
      const mine = local[remote.id];
      const streaming = mine?.messages.some((message) => message.status === 'streaming');
      if (deletions.has(remote.id) || streaming || dirty.has(remote.id)) continue;
      if (!mine || mine.updatedAt < remote.updatedAt) merged[remote.id] = remote;
      else if (mine.updatedAt > remote.updatedAt) dirty.add(remote.id);
      confirmed.set(remote.id, merged[remote.id]!);
    }
    // What only this browser has goes to the server.
    for (const id of Object.keys(local)) if (!confirmed.has(id)) dirty.add(id);
    store.setState({ conversations: merged, historyReady: true });
    pulled = true;
    succeeded();
    return 'done';
  }

  async function push(id: string): Promise<'done' | 'retry' | 'give-up'> {
    const conversation = store.getState().conversations[id];
    if (!conversation || conversation.messages.length === 0) {
      dirty.delete(id);
      return 'done';
    }
    // Saved once the answer ends (done, stopped or failed), not token by token.
    if (conversation.messages.some((message) => message.status === 'streaming')) return 'done';
    // Stamped now: the latest save wins, wherever it was made.
    const sent = { ...conversation, updatedAt: Math.max(conversation.updatedAt, Date.now()) };
    const response = await send(`/api/conversations/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sent),
    }).catch(() => undefined);
    if (!response?.ok) {
      const outcome = await failed(response);
      // One the server will not take (too large) stays in this browser; the others still go.
      if (outcome === 'give-up') dirty.delete(id);
      return outcome;
    }
    const { conversation: stored } = (await response.json()) as { conversation: Conversation };
    const now = store.getState().conversations[id];
    if (now === conversation) {
      // Another device saved a newer copy: it wins here too.
      if (stored.updatedAt > sent.updatedAt) store.setState((state) => ({ conversations: { ...state.conversations, [id]: stored } }));
      confirmed.set(id, store.getState().conversations[id]!);
      dirty.delete(id);
    }
    succeeded();
    return 'done';
  }

  async function remove(id: string): Promise<'done' | 'retry' | 'give-up'> {
    const response = await send(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => undefined);
    const outcome = response?.ok ? 'done' : await failed(response);
    if (outcome !== 'retry') {
      deletions.delete(id);
      confirmed.delete(id);
    }
    if (outcome === 'done') succeeded();
    return outcome;
  }

  let flushing = false;
  async function flush() {
    if (flushing || stopped) return;
    flushing = true;
    try {
      if (!pulled) {
        const outcome = await pull();
        // A server that keeps no history (or refuses this browser) is not asked again: the chats live here.
        if (outcome === 'give-up') stopped = true;
        if (outcome !== 'done') return;
      }
      for (const id of [...deletions]) if ((await remove(id)) === 'retry') return;
      for (const id of [...dirty]) if ((await push(id)) === 'retry') return;
    } finally {
      flushing = false;
      remember();
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.conversations === previous.conversations) return;
    for (const [id, conversation] of Object.entries(state.conversations)) {
      if (conversation === previous.conversations[id] || conversation === confirmed.get(id)) continue;
      dirty.add(id);
      deletions.delete(id);
    }
    for (const id of Object.keys(previous.conversations)) {
      if (id in state.conversations) continue;
      dirty.delete(id);
      deletions.add(id);
    }
    remember();
    if (!retrying) schedule(debounceMs);
  });

  void flush();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
