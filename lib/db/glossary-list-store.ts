import 'server-only';
import { sharedDatabase, type Database } from './database';
import { createOwnerListStore, type OwnerListStore } from './owner-list-store';
import { glossaryLists } from './schema';

type StoredGlossary = (typeof glossaryLists.$inferSelect)['glossaries'][number];

/** Each owner's glossaries, kept as one list: a save replaces it, unless the stored one is newer. */
export type GlossaryListStore = OwnerListStore<'glossaries', StoredGlossary>;

export function createGlossaryListStore(db: Database): GlossaryListStore {
  return createOwnerListStore(db, glossaryLists, 'glossaries');
}

/** The process's glossary lists, on the shared database (embedded PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function glossaryListStore(): Promise<GlossaryListStore> {
  return createGlossaryListStore(await sharedDatabase());
}
