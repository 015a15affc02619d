import 'server-only';
import { and, eq, inArray, like, lt, notExists, sql } from 'drizzle-orm';
import type { Attachment } from '@/lib/chat/types';
import { sharedDatabase, type Database } from './database';
import { attachments, conversations } from './schema';

/** A kept attachment: what the message names it by, and its body. */
export interface StoredAttachment extends Attachment {
  body: Uint8Array;
}

export interface AttachmentStore {
  /** Keeps a body for the owner; the same id again (the same content) is kept once. */
  put(ownerId: string, attachment: StoredAttachment, now?: number): Promise<void>;
  /** The owner's attachments of these ids that are kept (any not kept are missing from the result). */
  get(ownerId: string, ids: readonly string[]): Promise<StoredAttachment[]>;
  /** Every attachment of the owner (their export). */
  all(ownerId: string): Promise<StoredAttachment[]>;
  /** A guest who signs up keeps their files. */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
  /** Account deletion. Returns how many went. */
  removeOwner(ownerId: string): Promise<number>;
  /**
   * Deletes the files of owners whose ids start with `prefix`, kept since before `idleBefore`, who
   * have no conversation left: guests pruned for idleness, or who uploaded and never saved a chat.
   */
  removeAbandoned(prefix: string, idleBefore: number): Promise<number>;
}

export function createAttachmentStore(db: Database): AttachmentStore {
  const fromRow = (row: typeof attachments.$inferSelect): StoredAttachment => ({ id: row.id, name: row.name, mediaType: row.mediaType, kind: row.kind, size: row.size, body: row.body });
  return {
    put: async (ownerId, { id, name, mediaType, kind, size, body }, now = Date.now()) => {
      await db.insert(attachments).values({ ownerId, id, name, mediaType, kind, size, body, createdAt: now }).onConflictDoNothing();
    },
    get: async (ownerId, ids) => {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.ownerId, ownerId), inArray(attachments.id, [...new Set(ids)])));
      return rows.map(fromRow);
    },
    all: async (ownerId) => (await db.select().from(attachments).where(eq(attachments.ownerId, ownerId))).map(fromRow),
    transfer: async (fromOwner, toOwner) => {
      if (fromOwner === toOwner) return;
      await db.transaction(async (tx) => {
        // An id is its content: one the account has already is the same file, so the guest's copy goes.
        await tx.delete(attachments).where(and(eq(attachments.ownerId, fromOwner), inArray(attachments.id, tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.ownerId, toOwner)))));
        await tx.update(attachments).set({ ownerId: toOwner }).where(eq(attachments.ownerId, fromOwner));
      });
    },
    removeOwner: async (ownerId) => (await db.delete(attachments).where(eq(attachments.ownerId, ownerId)).returning({ id: attachments.id })).length,
    removeAbandoned: async (prefix, idleBefore) => {
      const removed = await db
        .delete(attachments)
        .where(
          and(
            like(attachments.ownerId, `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`),
            lt(attachments.createdAt, idleBefore),
            notExists(db.select({ one: sql`1` }).from(conversations).where(eq(conversations.ownerId, attachments.ownerId))),
          ),
        )
        .returning({ id: attachments.id });
      return removed.length;
    },
  };
}

/** The process's attachment store, on the shared database. */
export async function attachmentStore(): Promise<AttachmentStore> {
  return createAttachmentStore(await sharedDatabase());
}
