import 'server-only';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sharedDatabase, type Database } from './database';
import { promptLibraries } from './schema';

/**
 * One owner's list, in the shape lib/prompts names (SavedPrompt, PromptLibrary): spelt out from the
 * table rather than imported, since lib/prompts' routes import this folder.
 */
export interface PromptLibrary {
  prompts: (typeof promptLibraries.$inferSelect)['prompts'];
  updatedAt: number;
}

/** Each owner's saved prompts, kept as one list: a save replaces it, unless the stored one is newer. */
export interface PromptLibraryStore {
  /** The owner's list; an empty one (updatedAt 0) when they never saved any. */
  get(ownerId: string): Promise<PromptLibrary>;
  /** Keeps `library` unless the stored list is newer; returns the list kept. */
  save(ownerId: string, library: PromptLibrary): Promise<PromptLibrary>;
  /** Account deletion: the owner's prompts go with it. */
  removeOwner(ownerId: string): Promise<void>;
  /**
   * A guest who signs in or up: their list becomes the account's when the account has none, and goes
   * either way. An account's own list is never replaced by a guest's: the browser that kept the
   * guest's prompts merges them in, prompt by prompt, when it next loads (lib/stores/prompts.ts).
   */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
}

const EMPTY: PromptLibrary = { prompts: [], updatedAt: 0 };

export function createPromptLibraryStore(db: Database): PromptLibraryStore {
  return {
    get: async (ownerId) => {
      const [row] = await db.select().from(promptLibraries).where(eq(promptLibraries.ownerId, ownerId));
      return row ? { prompts: row.prompts, updatedAt: row.updatedAt } : EMPTY;
    },

    save: async (ownerId, { prompts, updatedAt }) => {
      // One statement, so two saves racing each other cannot both win: the newer list stays.
      const [kept] = await db
        .insert(promptLibraries)
        .values({ ownerId, prompts, updatedAt })
        .onConflictDoUpdate({ target: promptLibraries.ownerId, set: { prompts, updatedAt }, setWhere: sql`${promptLibraries.updatedAt} <= ${updatedAt}` })
        .returning();
      if (kept) return { prompts: kept.prompts, updatedAt: kept.updatedAt };
      const stored = await db.select().from(promptLibraries).where(eq(promptLibraries.ownerId, ownerId));
      return stored[0] ? { prompts: stored[0].prompts, updatedAt: stored[0].updatedAt } : EMPTY;
    },

    removeOwner: async (ownerId) => {
      await db.delete(promptLibraries).where(eq(promptLibraries.ownerId, ownerId));
    },

    transfer: async (fromOwner, toOwner) => {
      if (fromOwner === toOwner) return;
      const other = alias(promptLibraries, 'other');
      await db.transaction(async (tx) => {
        await tx
          .update(promptLibraries)
          .set({ ownerId: toOwner })
          .where(and(eq(promptLibraries.ownerId, fromOwner), notExists(tx.select({ one: sql`1` }).from(other).where(eq(other.ownerId, toOwner)))));
        await tx.delete(promptLibraries).where(eq(promptLibraries.ownerId, fromOwner));
      });
    },
  };
}

/** The process's prompt libraries, on the shared database (embedded PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function promptLibraryStore(): Promise<PromptLibraryStore> {
  return createPromptLibraryStore(await sharedDatabase());
}
