import type { StoreApi } from 'zustand';
import { onSessionEnded } from '@/lib/client/session-ended';
import { errorFromResponse } from '@/lib/errors';
import { CHAT_STORAGE_KEY } from '@/lib/chat/chat-storage';
import { mergeConversations, versionOf } from '@/lib/chat/conversation-merge';
import type { Conversation } from '@/lib/chat/types';
import type { ChatState } from './state';

export interface HistorySyncOptions {
  fetch?: typeof fetch;
  /** How often the server is asked what changed on other devices while the page is in view. */
  pollMs?: number;
  /** The server said the session ended: the page shows it is signed out. */
  onSignedOut?: () => void;
  /** How long a conversation stays unchanged before it is saved: a burst of edits is one request. */
  debounceMs?: number;
  /** The first wait after a failure; it doubles up to a minute. */
  retryMs?: number;
  /** Where changes not yet on the server are noted, so a reload neither forgets nor undoes them. */
  pending?: PendingChanges;
}

/**
 * The conversations changed or deleted here that the server has not confirmed yet, and whose chats
 * this browser keeps (`'guest'` or `'user:<id>'`), as the server last said.
 */
export interface SyncMemory {
  changed: string[];
  deleted: string[];
  owner?: string;
}

export interface PendingChanges {
  load(): SyncMemory;
  save(changes: SyncMemory): void;
}

const PENDING_KEY = 'rill-history-pending';

/** In localStorage beside the chats; in memory where there is none (or it refuses). */
export function browserPendingChanges(): PendingChanges {
  let kept: SyncMemory = { changed: [], deleted: [] };
  return {
    load() {
      try {
        const saved = JSON.parse(globalThis.localStorage?.getItem(PENDING_KEY) ?? 'null') as SyncMemory | null;
        if (saved && Array.isArray(saved.changed) && Array.isArray(saved.deleted)) kept = saved;
      } catch {
        // Unreadable: nothing is pending, and the next pull reconciles.
      }
      return kept;
    },
    save(changes) {
      kept = changes;
      try {
        globalThis.localStorage?.setItem(PENDING_KEY, JSON.stringify(changes));
      } catch {
        // Storage full or refused: kept in memory for this page.
      }
    },
  };
}

/** Leaves this browser's copy of an account's chats behind when the account leaves it (signed out, deleted). */
export function forgetThisBrowsersChats(store: StoreApi<Pick<ChatState, 'conversations' | 'deleted'>>): void {
  store.setState({ conversations: {}, deleted: null });
  try {
    // At once, not at the store's next throttled write: the chat page may read it back sooner.
    globalThis.localStorage?.removeItem(CHAT_STORAGE_KEY);
    globalThis.localStorage?.removeItem(PENDING_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

const MAX_RETRY_MS = 60_000;
/**
 * A poll asks for what changed since its previous one, less this: devices stamp changes with their
 * own clocks, which may be behind this one's.
 */
const CLOCK_SKEW_MARGIN_MS = 10 * 60_000;
const offlineNotice = 'Rill could not reach its server: your chats are kept in this browser, and saved to the server once it is back.';

/**
 * Keeps the server's copy of the conversations in step with the browser's, in the background. The
 * store stays the page's source of truth: it is never made to wait. On start the server's copies are
 * brought in (merged message by message with the browser's, the newer edit of each winning, so
 * another device's edits arrive, and a browser whose storage was cleared gets its chats back); while
 * the page is in view the server is asked now and then what changed elsewhere. Each conversation is
 * saved once it has been still for a moment and no answer is streaming into it here, and a deleted
 * one is deleted there. A failure keeps the change for later and says so in `historyNotice`.
 *
 * The chats kept here belong to one owner. A guest who signs in brings them along (they are saved
 * to the account, once); when the owner changes otherwise (signed out, another account), the
 * browser's copy is replaced by the new owner's.
 */
export function startHistorySync(
  store: StoreApi<ChatState>,
  { fetch: send = fetch, debounceMs = 500, retryMs = 2_000, pollMs = 15_000, onSignedOut, pending = browserPendingChanges() }: HistorySyncOptions = {},
): () => void {
  /** Each conversation as the server last confirmed it (the same object, unchanged since). */
  const confirmed = new Map<string, Conversation>();
  // What the page before a reload had not saved yet is still to save: a rename, or a delete, made
  // just before it, must not be undone by the server's older copy.
  const saved = pending.load();
  const dirty = new Set<string>(saved.changed);
  const deletions = new Set<string>(saved.deleted);
  let owner = saved.owner;
  const remember = () => pending.save({ changed: [...dirty], deleted: [...deletions], owner });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  /** A retry is scheduled: changes wait for it rather than asking sooner. */
  let retrying = false;
  let stopped = false;
  let pulled = false;
  /** When the last pull that reached the server set out (this clock), for the next one's `since`. */
  let lastPullAt: number | undefined;

  /** Why the chats went, when the session ended: it stays on screen while other notices come and go. */
  let signedOutNotice: string | undefined;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), delayMs);
  };

  /**
   * Says why, and whether waiting can help: no connection, a busy or briefly unreachable server
   * (429, or a 5xx that names a wait) is tried again later, with backoff; a session that ended is
   * told to the page and the chats are asked for again as the guest this browser now is; anything
   * else (a refusal, a server that keeps no history) is not tried again.
   */
  const failed = async (response: Response | undefined): Promise<'retry' | 'give-up'> => {
    const error = response ? await errorFromResponse(response) : undefined;
    store.setState({ historyNotice: error?.message ?? offlineNotice });
    if (error?.code === 'signed_out') {
      sessionEnded(error.message);
      return 'retry';
    }
    const waitHelps = !response || response.status === 429 || (response.status >= 500 && error?.retryAfter !== undefined);
    if (!waitHelps) return 'give-up';
    failures += 1;
    retrying = true;
    schedule(Math.max(Math.min(retryMs * 2 ** (failures - 1), MAX_RETRY_MS), (error?.retryAfter ?? 0) * 1000));
    return 'retry';
  };

  /** The session ended, met here or elsewhere on the page: say so, and ask for the chats again as the guest this browser now is. */
  const sessionEnded = (message: string) => {
    signedOutNotice = message;
    store.setState({ historyNotice: message });
    onSignedOut?.();
    pulled = false;
    schedule(retryMs);
  };
  const stopListening = onSessionEnded(sessionEnded);

  const succeeded = () => {
    failures = 0;
    retrying = false;
    const { historyNotice } = store.getState();
    // The signed-out notice stays until the page is left: it is why the chats went.
    if (historyNotice && historyNotice !== signedOutNotice) store.setState({ historyNotice: null });
  };

  /** Brings the server's copies in (all of them, or what changed since the last pull); 'retry' when it should be asked again later. */
  async function pull({ changesOnly }: { changesOnly: boolean }): Promise<'done' | 'retry' | 'give-up'> {
    const setOutAt = Date.now();
    const since = changesOnly && lastPullAt !== undefined ? `?since=${Math.max(0, lastPullAt - CLOCK_SKEW_MARGIN_MS)}` : '';
    const response = await send(`/api/conversations${since}`, { headers: { accept: 'application/json' } }).catch(() => undefined);
    if (!response?.ok) {
      // Whatever the server said, the page knows now what it has: a chat not in this browser is missing.
      store.setState({ historyReady: true });
      return failed(response);
    }
    const body = (await response.json()) as { conversations: Conversation[]; ids?: string[]; owner?: { kind: 'guest' } | { kind: 'user'; id: string } };
    const servedFor = body.owner ? (body.owner.kind === 'user' ? `user:${body.owner.id}` : 'guest') : owner;
    // Another owner's chats are not merged into these: an account's stay with it when it leaves this browser.
    const ownerChanged = owner !== undefined && owner !== 'guest' && servedFor !== owner;
    if (ownerChanged) {
      dirty.clear();
      deletions.clear();
      confirmed.clear();
    }
    owner = servedFor;
    const local = ownerChanged ? {} : store.getState().conversations;
    const streamingHere = store.getState().stream?.conversationId;
    const merged = { ...local };
    for (const remote of body.conversations) {
      const mine = local[remote.id];
      if (deletions.has(remote.id) || remote.id === streamingHere || dirty.has(remote.id)) continue;
      if (!mine) merged[remote.id] = remote;
      else if (!sameConversation(remote, mine)) {
        // Merged as the server merges: a message newer here (an answer that just finished, while the
        // server still had its partial copy) is kept, and saved back.
        // Of two equal versions of a message, the copy saved later wins (the merge prefers its second side).
        const [earlier, later] = remote.updatedAt > mine.updatedAt ? [mine, remote] : [remote, mine];
        const combined = mergeConversations(earlier, later, { basedOn: confirmed.get(remote.id)?.updatedAt });
        merged[remote.id] = sameConversation(combined, remote) ? remote : combined;
      }
      const keptHere = merged[remote.id] !== remote && !sameConversation(merged[remote.id]!, remote);
      if (keptHere) dirty.add(remote.id);
      // The server's copy, as what the next save is based on; the browser's own when they agree.
      confirmed.set(remote.id, keptHere ? remote : merged[remote.id]!);
    }
    if (body.ids) {
      const onServer = new Set(body.ids);
      // Deleted on another device: what this browser had from the server, and has not changed since, goes here too.
      for (const id of [...confirmed.keys()]) {
        if (onServer.has(id) || dirty.has(id) || merged[id] !== confirmed.get(id)) continue;
        delete merged[id];
        confirmed.delete(id);
      }
    }
    // What only this browser has goes to the server.
    if (!changesOnly) for (const id of Object.keys(local)) if (!confirmed.has(id)) dirty.add(id);
    store.setState({ conversations: merged, historyReady: true });
    pulled = true;
    lastPullAt = setOutAt;
    succeeded();
    // One the server has and this browser has never seen (made elsewhere before the last poll's window) is fetched whole.
    if (changesOnly && body.ids?.some((id) => !(id in merged) && !deletions.has(id))) pulled = false;
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
    // The server's copy this one was made from: a message added there since (another device's) is not
    // taken for one deleted here. Of a copy this page never had, nothing was seen, so nothing is taken
    // for deleted on either side (0): a message set aside by an edit is held by its new version, not lost.
    const basedOn = confirmed.get(id)?.updatedAt ?? 0;
    const response = await send(`/api/conversations/${encodeURIComponent(id)}?basedOn=${basedOn}`, {
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
      // The merged copy (with what another device added) is this browser's too, unless it is what was sent.
      if (!sameConversation(stored, sent)) store.setState((state) => ({ conversations: { ...state.conversations, [id]: stored } }));
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
        const outcome = await pull({ changesOnly: false });
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

  /** Another device's changes, asked for while the page is in view (and at once when it comes back into view). */
  const poll = async () => {
    if (stopped || flushing || retrying || !pulled || globalThis.document?.visibilityState === 'hidden') return;
    flushing = true;
    try {
      await pull({ changesOnly: true });
    } finally {
      flushing = false;
      remember();
    }
    // Changes made while it asked waited for it.
    if (!pulled || dirty.size > 0 || deletions.size > 0) void flush();
  };
  const polling = setInterval(() => void poll(), pollMs);
  const pollWhenSeen = () => void poll();
  globalThis.addEventListener?.('focus', pollWhenSeen);
  globalThis.document?.addEventListener('visibilitychange', pollWhenSeen);

  void flush();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(polling);
    globalThis.removeEventListener?.('focus', pollWhenSeen);
    globalThis.document?.removeEventListener('visibilitychange', pollWhenSeen);
    stopListening();
    unsubscribe();
  };
}

/** Whether the server kept what was sent (the same messages, at the same versions): then the browser's own object stays, and nothing re-renders. */
function sameConversation(stored: Conversation, sent: Conversation): boolean {
  return (
    stored.title === sent.title &&
    stored.messages.length === sent.messages.length &&
    stored.messages.every((message, index) => {
      const mine = sent.messages[index]!;
      return message.id === mine.id && versionOf(message) === versionOf(mine) && message.text === mine.text && message.status === mine.status;
    })
  );
}
