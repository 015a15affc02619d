import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import { mergeNewest, sameVersions } from '@/lib/owner-list';
import type { PromptLibrary, SavedPrompt } from '@/lib/prompts/saved-prompt';
import { createOwnerListSync } from './owner-list-sync';
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

const offlineNotice = 'Rill could not reach its server: your prompts are kept in this browser, and saved to the server once it is back.';

/**
 * The saved prompts: kept in this browser at once, and on the server for the current owner (a guest
 * or the signed-in user) as one list, the newer copy winning (see createOwnerListSync).
 */
export function createPromptsStore({ fetch: send = (...args) => fetch(...args), storage = createThrottledStorage<PersistedPrompts>(), debounceMs = 500, retryMs = 2_000 }: PromptsStoreOptions = {}) {
  return create<PromptsState>()(
    persist(
      (set, get, api) => {
        let loaded: Promise<void> | undefined;
        const sync = createOwnerListSync<SavedPrompt>({
          url: '/api/prompts',
          field: 'prompts',
          fetch: send,
          debounceMs,
          retryMs,
          offlineNotice,
          read: () => ({ items: get().prompts, updatedAt: get().updatedAt, owner: get().owner }),
          write: ({ items, ...rest }) => set({ ...rest, ...(items && { prompts: items }) }),
          notice: (syncNotice) => set({ syncNotice }),
          served: ({ maxSaved }) => set({ maxSaved: maxSaved as number | undefined }),
          merge: mergeNewest,
          same: sameVersions,
        });

        return {
          prompts: [],
          updatedAt: 0,
          syncNotice: null,
          managerOpen: false,
          start: () => {
            loaded ??= Promise.resolve(api.persist.rehydrate());
            void loaded.then(sync.pull);
          },
          add: (fields) => {
            const prompt = { id: crypto.randomUUID(), ...fields, updatedAt: Date.now() };
            sync.change([...get().prompts, prompt]);
            return prompt;
          },
          update: (id, fields) => sync.change(get().prompts.map((prompt) => (prompt.id === id ? { ...prompt, ...fields, updatedAt: Math.max(Date.now(), prompt.updatedAt + 1) } : prompt))),
          remove: (id) => sync.change(get().prompts.filter((prompt) => prompt.id !== id)),
          importPrompts: (prompts) => sync.change(mergeNewest(get().prompts, prompts)),
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
