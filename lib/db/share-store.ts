import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Conversation } from '@/lib/chat/types';
import { sharedDatabase, type Database } from './database';
import { shares } from './schema';

/** A live link to a read-only snapshot of a conversation, as its owner sees it in the Share dialog. */
export interface ShareLink {
  /** The link's secret: whoever has it can read the snapshot. */
  id: string;
  createdAt: number;
  /** Epoch ms after which the link no longer opens; null: never. */
  expiresAt: number | null;
}

/** What a link shows: the snapshot as it was taken, and when. */
export interface SharedConversation extends ShareLink {
  conversation: Conversation;
}

/** Why a link shows no conversation; `missing` also stands for a link that never was. */
export type ShareClosed = 'revoked' | 'expired' | 'missing';

export type ShareRead = { status: 'ok'; share: SharedConversation } | { status: ShareClosed };

/**
 * Read-only snapshots behind links. A link is its id alone, so ids are 128 random bits. Revoking
 * drops the snapshot but keeps the row, so the link can say it was revoked rather than never was.
 */
export interface ShareStore {
  /** Keeps `snapshot` behind a new link of `ownerId`'s; `expiresAt` null: until revoked. */
  create(ownerId: string, snapshot: Conversation, options: { expiresAt: number | null; now?: number }): Promise<ShareLink>;
  /** What the link shows: its snapshot, or why not. */
  read(id: string, options?: { now?: number }): Promise<ShareRead>;
  /** The owner's links to one conversation that still open, newest first. */
  listLive(ownerId: string, conversationId: string, options?: { now?: number }): Promise<ShareLink[]>;
  /** Ends the link and drops its snapshot; false when the owner has no such link. */
  revoke(ownerId: string, id: string, options?: { now?: number }): Promise<boolean>;
  /** Hands every link of `fromOwner` to `toOwner` (a guest who signs in keeps their links). */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
  /** Deletes every link of the owner (account deletion). Returns how many. */
  removeOwner(ownerId: string): Promise<number>;
}

/** 16 random bytes, URL-safe: 22 characters. */
export function newShareId(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether `value` could name a link at all: anything else is missing without asking the database. */
export function isShareId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}

export function createShareStore(db: Database): ShareStore {
  const link = { id: shares.id, createdAt: shares.createdAt, expiresAt: shares.expiresAt };
  return {
    create: async (ownerId, snapshot, { expiresAt, now = Date.now() }) => {
      const [created] = await db
        .insert(shares)
        .values({ id: newShareId(), ownerId, conversationId: snapshot.id, title: snapshot.title, snapshot, createdAt: now, expiresAt })
        .returning(link);
      return created!;
    },

    read: async (id, { now = Date.now() } = {}) => {
      if (!isShareId(id)) return { status: 'missing' };
      const [row] = await db.select().from(shares).where(eq(shares.id, id));
      if (!row) return { status: 'missing' };
      if (row.revokedAt !== null || !row.snapshot) return { status: 'revoked' };
      if (row.expiresAt !== null && row.expiresAt <= now) return { status: 'expired' };
      return { status: 'ok', share: { id: row.id, createdAt: row.createdAt, expiresAt: row.expiresAt, conversation: row.snapshot } };
    },

    listLive: (ownerId, conversationId, { now = Date.now() } = {}) =>
      db
        .select(link)
        .from(shares)
        .where(and(eq(shares.ownerId, ownerId), eq(shares.conversationId, conversationId), isNull(shares.revokedAt), or(isNull(shares.expiresAt), gt(shares.expiresAt, now))))
        .orderBy(desc(shares.createdAt), desc(shares.id)),

    revoke: async (ownerId, id, { now = Date.now() } = {}) => {
      if (!isShareId(id)) return false;
      const found = await db
        .update(shares)
        .set({ snapshot: null, revokedAt: sql`coalesce(${shares.revokedAt}, ${now})` })
        .where(and(eq(shares.id, id), eq(shares.ownerId, ownerId)))
        .returning({ id: shares.id });
      return found.length > 0;
    },

    transfer: async (fromOwner, toOwner) => {
      if (fromOwner !== toOwner) await db.update(shares).set({ ownerId: toOwner }).where(eq(shares.ownerId, fromOwner));
    },

    removeOwner: async (ownerId) => {
      const removed = await db.delete(shares).where(eq(shares.ownerId, ownerId)).returning({ id: shares.id });
      return removed.length;
    },
  };
}

/** The process's store, on the shared database (migrated before first use). */
export async function shareStore(): Promise<ShareStore> {
  return createShareStore(await sharedDatabase());
}
