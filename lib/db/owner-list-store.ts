import 'server-only';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './database';

/** One owner's list as kept: `{ [field]: items, updatedAt }` (`{ prompts, updatedAt }`, `{ glossaries, updatedAt }`). */
export type OwnerList<Field extends string, Item> = { [K in Field]: Item[] } & { updatedAt: number };

/** Each owner's list of one kind, kept whole: a save replaces it, unless the stored one is newer. */
export interface OwnerListStore<Field extends string, Item> {
  /** The owner's list; an empty one (updatedAt 0) when they never saved any. */
  get(ownerId: string): Promise<OwnerList<Field, Item>>;
  /** Keeps `list` unless the stored list is newer; returns the list kept. */
  save(ownerId: string, list: OwnerList<Field, Item>): Promise<OwnerList<Field, Item>>;
  /** Account deletion: the owner's list goes with it. */
  removeOwner(ownerId: string): Promise<void>;
  /**
   * A guest who signs in or up: their list becomes the account's when the account has none, and goes
   * either way. An account's own list is never replaced by a guest's: the browser that kept the
   * guest's list merges it in, item by item, when it next loads (lib/stores/owner-list-sync.ts).
   */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
}

/** A table of one list per owner: its key `ownerId`, the list in a JSON column named `field`, and `updatedAt`. */
type OwnerListTable<Field extends string> = PgTable & { ownerId: PgColumn; updatedAt: PgColumn } & { [K in Field]: PgColumn };

export function createOwnerListStore<Field extends string, Item>(db: Database, table: OwnerListTable<Field>, field: Field): OwnerListStore<Field, Item> {
  type List = OwnerList<Field, Item>;
  const list = (items: Item[], updatedAt: number) => ({ [field]: items, updatedAt }) as List;
  const empty = list([], 0);
  const columns = { items: table[field], updatedAt: table.updatedAt };
  // drizzle types a query on a table it is handed generically too loosely to check: the shapes above are what these rows hold.
  const stored = async (ownerId: string) => {
    const [row] = (await db.select(columns).from(table as never).where(eq(table.ownerId, ownerId))) as { items: Item[]; updatedAt: number }[];
    return row ? list(row.items, row.updatedAt) : empty;
  };

  return {
    get: stored,

    save: async (ownerId, kept) => {
      const items = kept[field] as Item[];
      const { updatedAt } = kept;
      // One statement, so two saves racing each other cannot both win: the newer list stays.
      const [row] = (await db
        .insert(table)
        .values({ ownerId, [field]: items, updatedAt } as never)
        .onConflictDoUpdate({ target: table.ownerId, set: { [field]: items, updatedAt } as never, setWhere: sql`${table.updatedAt} <= ${updatedAt}` })
        .returning(columns)) as { items: Item[]; updatedAt: number }[];
      return row ? list(row.items, row.updatedAt) : stored(ownerId);
    },

    removeOwner: async (ownerId) => {
      await db.delete(table).where(eq(table.ownerId, ownerId));
    },

    transfer: async (fromOwner, toOwner) => {
      if (fromOwner === toOwner) return;
      const other = alias(table as PgTable, 'other') as unknown as OwnerListTable<Field>;
      await db.transaction(async (tx) => {
        await tx
          .update(table)
          .set({ ownerId: toOwner } as never)
          .where(and(eq(table.ownerId, fromOwner), notExists(tx.select({ one: sql`1` }).from(other as never).where(eq(other.ownerId, toOwner)))));
        await tx.delete(table).where(eq(table.ownerId, fromOwner));
      });
    },
  };
}
