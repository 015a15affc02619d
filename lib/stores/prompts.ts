import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import { reportIfSessionEnded } from '@/lib/client/session-ended';
import { errorFromResponse } from '@/lib/errors';
import { mergePrompts, samePrompts, type PromptLibrary, type SavedPrompt } from '@/lib/prompts/saved-prompt';
import { createThrottledStorage } from './throttled-storage';

export const PROMPTS_STORAGE_KEY = 'rill-prompts';

export type PromptFields = Pick<SavedPrompt, 'name' | 'text'>;

/** What this browser keeps: the list, and whose it is (`'guest'` or `'user:<id>'`, as the server last said). */
type PersistedPrompts = PromptLibrary & { owner?: string };

export interface PromptsState extends PersistedPrompts {
  /** How many prompts the server keeps per owner, once it has said. */
  maxSaved?: number;
  /** Why the server's copy is behind (unreachable, or it refused the list); null when in step. */
  syncNotice: string | null;
  /** The prompt manager dialog is open (the settings panel and the `/` menu both open it). */
  managerOpen: boolean;
  /** Loads the browser's copy (once) and brings in the server's; the chat page calls it when it opens. */
  start: () => void;
  add: (fields: PromptFields) => SavedPrompt;
  update: (id: string, fields: PromptFields) => void;
  remove: (id: string) => void;
  /** Merges prompts from a file by id, the newer of two copies winning. */
  importPrompts: (prompts: readonly SavedPrompt[]) => void;
  openManager: () => void;
  closeManager: () => void;
}

export interface PromptsStoreOptions {
  fetch?: typeof fetch;
  storage?: PersistStorage<PersistedPrompts>;
  /** How long the list stays unchanged before it is saved: a burst of edits is one request. */
  debounceMs?: number;
  /** The first wait after a failure; it doubles up to a minute. */
  retryMs?: number;
}

type ServedLibrary = PromptLibrary & { owner: string; maxSaved?: number };

const MAX_RETRY_MS = 60_000;
const offlineNotice = 'Rill could not reach its server: your prompts are kept in this browser, and saved to the server once it is back.';

/**
 * The saved prompts: kept in this browser at once, and on the server for the current owner (a guest
 * or the signed-in user) as one list, the newer copy winning. A change is saved after a pause; a
 * failure keeps the list here and says so in `syncNotice`, and waiting is retried when it can help.
 */
export function createPromptsStore({ fetch: send = (...args) => fetch(...args), storage = createThrottledStorage<PersistedPrompts>(), debounceMs = 500, retryMs = 2_000 }: PromptsStoreOptions = {}) {
  return create<PromptsState>()(
    persist(
      (set, get, api) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let loaded: Promise<void> | undefined;
        /** The server's list has been brought in since the page (or the owner) changed. */
        let pulled = false;
        /** A change here the server has not confirmed. */
        let dirty = false;
        let failures = 0;
        let syncing = false;
        let again = false;

        const schedule = (delayMs: number) => {
          clearTimeout(timer);
          timer = setTimeout(() => void sync(), delayMs);
        };

        /** No connection, a busy server or one that names a wait is asked again later; a refusal waits for the next change. */
        const failed = async (response: Response | undefined) => {
          const error = response ? await errorFromResponse(response) : undefined;
          set({ syncNotice: error?.message ?? offlineNotice });
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
          if (get().syncNotice) set({ syncNotice: null });
        };

        async function pull(): Promise<boolean> {
          const response = await send('/api/prompts', { headers: { accept: 'application/json' } }).catch(() => undefined);
          if (!response?.ok) {
            await failed(response);
            return false;
          }
          const served = (await response.json()) as ServedLibrary;
          const local = get();
          const known = local.owner ?? 'guest';
          let kept: PromptLibrary;
          // Another account's prompts are not kept for this one (or for a guest after signing out)...
          if (known !== 'guest' && known !== served.owner) kept = served;
          // ...but a guest who signs in brings theirs along, prompt by prompt.
          else if (known === 'guest' && served.owner !== 'guest') {
            const prompts = mergePrompts(served.prompts, local.prompts);
            kept = samePrompts(prompts, served.prompts) ? served : { prompts, updatedAt: Math.max(Date.now(), served.updatedAt + 1) };
          } else kept = served.updatedAt >= local.updatedAt ? served : local;
          dirty = kept !== served && !samePrompts(kept.prompts, served.prompts);
          set({ prompts: kept.prompts, updatedAt: kept.updatedAt, owner: served.owner, maxSaved: served.maxSaved });
          pulled = true;
          succeeded();
          return true;
        }

        async function push() {
          const sent = get();
          const response = await send('/api/prompts', {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ prompts: sent.prompts, updatedAt: sent.updatedAt }),
          }).catch(() => undefined);
          if (!response?.ok) return failed(response);
          const stored = (await response.json()) as ServedLibrary;
          const now = get();
          if (now.updatedAt === sent.updatedAt) dirty = false;
          // Another device saved a newer list meanwhile: it wins, as it did on the server.
          if (stored.updatedAt > now.updatedAt) set({ prompts: stored.prompts, updatedAt: stored.updatedAt });
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

        /** A change made here: it is newer than any copy elsewhere, and saved after a pause. */
        const change = (prompts: SavedPrompt[]) => {
          set({ prompts, updatedAt: Math.max(Date.now(), get().updatedAt + 1) });
          dirty = true;
          // While a retry is waiting, it saves this change too.
          if (failures === 0) schedule(debounceMs);
        };

        return {
          prompts: [],
          updatedAt: 0,
          syncNotice: null,
          managerOpen: false,
          start: () => {
            loaded ??= Promise.resolve(api.persist.rehydrate());
            void loaded.then(() => {
              pulled = false;
              void sync();
            });
          },
          add: (fields) => {
            const prompt = { id: crypto.randomUUID(), ...fields, updatedAt: Date.now() };
            change([...get().prompts, prompt]);
            return prompt;
          },
          update: (id, fields) => change(get().prompts.map((prompt) => (prompt.id === id ? { ...prompt, ...fields, updatedAt: Math.max(Date.now(), prompt.updatedAt + 1) } : prompt))),
          remove: (id) => change(get().prompts.filter((prompt) => prompt.id !== id)),
          importPrompts: (prompts) => change(mergePrompts(get().prompts, prompts)),
          openManager: () => set({ managerOpen: true }),
          closeManager: () => set({ managerOpen: false }),
        };
      },
      {
        name: PROMPTS_STORAGE_KEY,
        version: 1,
        skipHydration: true,
        storage,
        partialize: ({ prompts, updatedAt, owner }): PersistedPrompts => ({ prompts, updatedAt, owner }),
      },
    ),
  );
}

export const usePrompts = createPromptsStore();
