import { reportIfSessionEnded } from '@/lib/client/session-ended';
import { errorFromResponse } from '@/lib/errors';

/** A list one owner keeps (saved prompts, glossaries), as this browser holds it. */
export interface OwnerList<Item> {
  items: Item[];
  /** When the list last changed (epoch ms; 0: never): of two copies of the list, the newer wins. */
  updatedAt: number;
  /** Whose it is (`'guest'` or `'user:<id>'`), as the server last said. */
  owner?: string;
}

export interface OwnerListSyncOptions<Item> {
  /** GET answers `{ [field]: Item[], updatedAt, owner, …limits }`; PUT takes `{ [field], updatedAt }`. */
  url: string;
  field: string;
  fetch: typeof fetch;
  debounceMs: number;
  /** The first wait after a failure; it doubles up to a minute. */
  retryMs: number;
  /** What the user is told when the server cannot be reached. */
  offlineNotice: string;
  read: () => OwnerList<Item>;
  write: (list: Partial<OwnerList<Item>>) => void;
  /** Why the server's copy is behind; null when in step. */
  notice: (text: string | null) => void;
  /** The rest of what GET answered: the limits the server keeps to. */
  served?: (rest: Record<string, unknown>) => void;
  /** Two lists as one, item by item, the newer copy of one both have winning. */
  merge: (mine: readonly Item[], theirs: readonly Item[]) => Item[];
  same: (a: readonly Item[], b: readonly Item[]) => boolean;
  /** What of the list goes to the server (e.g. without rows still being typed). */
  toServer?: (items: readonly Item[]) => unknown[];
}

type Served<Item> = OwnerList<Item> & { owner: string };

const MAX_RETRY_MS = 60_000;

/**
 * Keeps a list in this browser in step with the server's copy for the current owner (a guest or the
 * signed-in user), the newer copy winning. A change is saved after a pause; a failure keeps the list
 * here and says so through `notice`, and waiting is retried when it can help.
 */
export function createOwnerListSync<Item>(options: OwnerListSyncOptions<Item>) {
  const { url, field, fetch: send, debounceMs, retryMs, read, write, notice, merge, same } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The server's list has been brought in since the page (or the owner) changed. */
  let pulled = false;
  /** A change here the server has not confirmed. */
  let dirty = false;
  let failures = 0;
  let syncing = false;
  let again = false;
  let noticeShown = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void sync(), delayMs);
  };

  const say = (text: string | null) => {
    noticeShown = text !== null;
    notice(text);
  };

  /** No connection, a busy server or one that names a wait is asked again later; a refusal waits for the next change. */
  const failed = async (response: Response | undefined) => {
    const error = response ? await errorFromResponse(response) : undefined;
    say(error?.message ?? options.offlineNotice);
    reportIfSessionEnded(error);
    // The session ended: the server forgot its cookie, and the list is asked for again as the guest this browser now is.
    if (response?.status === 401) pulled = false;
    const waitHelps = !response || response.status === 401 || response.status === 429 || (response.status >= 500 && error?.retryAfter !== undefined);
    if (!waitHelps) return;
    failures += 1;
    schedule(Math.max(Math.min(retryMs * 2 ** (failures - 1), MAX_RETRY_MS), (error?.retryAfter ?? 0) * 1000));
  };

  const succeeded = () => {
    failures = 0;
    if (noticeShown) say(null);
  };

  const servedList = (json: Record<string, unknown>): { list: Served<Item>; rest: Record<string, unknown> } => {
    const { [field]: items, updatedAt, owner, ...rest } = json;
    return { list: { items: items as Item[], updatedAt: updatedAt as number, owner: owner as string }, rest };
  };

  async function pull(): Promise<boolean> {
    const response = await send(url, { headers: { accept: 'application/json' } }).catch(() => undefined);
    if (!response?.ok) {
      await failed(response);
      return false;
    }
    const { list: served, rest } = servedList((await response.json()) as Record<string, unknown>);
    const local = read();
    const known = local.owner ?? 'guest';
    let kept: OwnerList<Item>;
    // Another account's list is not kept for this one (or for a guest after signing out)...
    if (known !== 'guest' && known !== served.owner) kept = served;
    // ...but a guest who signs in brings theirs along, item by item.
    else if (known === 'guest' && served.owner !== 'guest') {
      const items = merge(served.items, local.items);
      kept = same(items, served.items) ? served : { items, updatedAt: Math.max(Date.now(), served.updatedAt + 1) };
    } else kept = served.updatedAt >= local.updatedAt ? served : local;
    dirty = kept !== served && !same(kept.items, served.items);
    write({ items: kept.items, updatedAt: kept.updatedAt, owner: served.owner });
    options.served?.(rest);
    pulled = true;
    succeeded();
    return true;
  }

  async function push() {
    const sent = read();
    const response = await send(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ [field]: options.toServer ? options.toServer(sent.items) : sent.items, updatedAt: sent.updatedAt }),
    }).catch(() => undefined);
    if (!response?.ok) return failed(response);
    const { list: stored } = servedList((await response.json()) as Record<string, unknown>);
    const now = read();
    if (now.updatedAt === sent.updatedAt) dirty = false;
    // Another device saved a newer list meanwhile: it wins, as it did on the server.
    if (stored.updatedAt > now.updatedAt) write({ items: stored.items, updatedAt: stored.updatedAt });
    succeeded();
  }

  async function sync() {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      if (pulled || (await pull())) {
        if (dirty) await push();
      }
    } finally {
      syncing = false;
      if (again && failures === 0) schedule(debounceMs);
      again = false;
    }
  }

  return {
    /** The page opened (or the owner may have changed): bring the server's list in, then save what is newer here. */
    pull: () => {
      pulled = false;
      void sync();
    },
    /** A change made here: it is newer than any copy elsewhere, and saved after a pause. */
    change: (items: Item[]) => {
      write({ items, updatedAt: Math.max(Date.now(), read().updatedAt + 1) });
      dirty = true;
      // While a retry is waiting, it saves this change too.
      if (failures === 0) schedule(debounceMs);
    },
  };
}
