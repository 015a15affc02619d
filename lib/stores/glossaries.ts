import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import { mergeNewest, sameVersions } from '@/lib/owner-list';
import type { Glossary } from '@/lib/translate/glossary';
import { createOwnerListSync } from './owner-list-sync';
import { createThrottledStorage } from './throttled-storage';

export const GLOSSARIES_STORAGE_KEY = 'rill-glossaries';

export type GlossaryFields = Pick<Glossary, 'name' | 'source' | 'target' | 'entries'>;

/** What this browser keeps: the list, when it last changed, and whose it is (as the server last said). */
interface PersistedGlossaries {
  glossaries: Glossary[];
  updatedAt: number;
  owner?: string;
}

export interface GlossariesState extends PersistedGlossaries {
  /** What the server keeps per owner, once it has said. */
  limits?: { maxGlossaries: number; maxTerms: number };
  /** Why the server's copy is behind (unreachable, or it refused the list); null when in step. */
  syncNotice: string | null;
  managerOpen: boolean;
  /** Loads the browser's copy (once) and brings in the server's; the translator page calls it when it opens. */
  start: () => Promise<void>;
  add: (fields: GlossaryFields) => Glossary;
  update: (id: string, fields: Partial<GlossaryFields>) => void;
  remove: (id: string) => void;
  openManager: () => void;
  closeManager: () => void;
}

export interface GlossariesStoreOptions {
  fetch?: typeof fetch;
  storage?: PersistStorage<PersistedGlossaries>;
  debounceMs?: number;
  retryMs?: number;
}

const offlineNotice = 'Rill could not reach its server: your glossaries are kept in this browser, and saved to the server once it is back.';

/** Rows still being typed (a term without its translation) stay in this browser until they are whole. */
const whole = (glossaries: readonly Glossary[]) =>
  glossaries.map((glossary) => ({ ...glossary, entries: glossary.entries.filter((entry) => entry.source.trim() && entry.target.trim()) }));

/**
 * The user's glossaries: kept in this browser at once, and on the server for the current owner (a
 * guest or the signed-in user) as one list, the newer copy winning (see createOwnerListSync).
 */
export function createGlossariesStore({ fetch: send = (...args) => fetch(...args), storage = createThrottledStorage<PersistedGlossaries>(), debounceMs = 500, retryMs = 2_000 }: GlossariesStoreOptions = {}) {
  return create<GlossariesState>()(
    persist(
      (set, get, api) => {
        let loaded: Promise<void> | undefined;
        const sync = createOwnerListSync<Glossary>({
          url: '/api/glossaries',
          field: 'glossaries',
          fetch: send,
          debounceMs,
          retryMs,
          offlineNotice,
          read: () => ({ items: get().glossaries, updatedAt: get().updatedAt, owner: get().owner }),
          write: ({ items, ...rest }) => set({ ...rest, ...(items && { glossaries: items }) }),
          notice: (syncNotice) => set({ syncNotice }),
          served: ({ maxGlossaries, maxTerms }) => set({ limits: typeof maxGlossaries === 'number' && typeof maxTerms === 'number' ? { maxGlossaries, maxTerms } : undefined }),
          merge: mergeNewest,
          same: sameVersions,
          toServer: whole,
        });
        const stamp = (previous: number) => Math.max(Date.now(), previous + 1);
        return {
          glossaries: [],
          updatedAt: 0,
          syncNotice: null,
          managerOpen: false,
          start: () => {
            loaded ??= Promise.resolve(api.persist.rehydrate());
            // The browser's copy is enough to translate with; the server's arrives when it does.
            void loaded.then(sync.pull);
            return loaded;
          },
          add: (fields) => {
            const glossary: Glossary = { id: crypto.randomUUID(), ...fields, updatedAt: Date.now() };
            sync.change([...get().glossaries, glossary]);
            return glossary;
          },
          update: (id, fields) => sync.change(get().glossaries.map((glossary) => (glossary.id === id ? { ...glossary, ...fields, updatedAt: stamp(glossary.updatedAt) } : glossary))),
          remove: (id) => sync.change(get().glossaries.filter((glossary) => glossary.id !== id)),
          openManager: () => set({ managerOpen: true }),
          closeManager: () => set({ managerOpen: false }),
        };
      },
      {
        name: GLOSSARIES_STORAGE_KEY,
        version: 1,
        skipHydration: true,
        storage,
        partialize: ({ glossaries, updatedAt, owner }): PersistedGlossaries => ({ glossaries, updatedAt, owner }),
      },
    ),
  );
}

export const useGlossaries = createGlossariesStore();
