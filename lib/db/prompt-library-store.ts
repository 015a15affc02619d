import 'server-only';
import { sharedDatabase, type Database } from './database';
import { createOwnerListStore, type OwnerList, type OwnerListStore } from './owner-list-store';
import { promptLibraries } from './schema';

type StoredPrompt = (typeof promptLibraries.$inferSelect)['prompts'][number];

/**
 * One owner's list, in the shape lib/prompts names (SavedPrompt, PromptLibrary): spelt out from the
 * table rather than imported, since lib/prompts' routes import this folder.
 */
export type PromptLibrary = OwnerList<'prompts', StoredPrompt>;

/** Each owner's saved prompts, kept as one list: a save replaces it, unless the stored one is newer. */
export type PromptLibraryStore = OwnerListStore<'prompts', StoredPrompt>;

export function createPromptLibraryStore(db: Database): PromptLibraryStore {
  return createOwnerListStore(db, promptLibraries, 'prompts');
}

/** The process's prompt libraries, on the shared database (embedded PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function promptLibraryStore(): Promise<PromptLibraryStore> {
  return createPromptLibraryStore(await sharedDatabase());
}
