import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, desc, eq, exists, gt, gte, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { mergeConversations, versionOf } from '@/lib/chat/conversation-merge';
import type { ChatMessage, ChatSettings, Conversation } from '@/lib/chat/types';
import { createAttachmentStore } from './attachment-store';
import { fromRows, toRows, type StoredConversation } from './conversation-rows';
import { sharedDatabase, type Database, type Transaction } from './database';
import { withInterruptedAnswers } from './interrupted-answers';
import { changesBetween, changesForSome, writeMessageChanges } from './message-changes';
import { conversations, messages } from './schema';

/** The time a conversation is read at, to tell an answer still streaming from one a stopped server left (Date.now() unless given). */
export interface ReadTime {
  now?: number;
}

/** The conversation an answer belongs to, as it is made when the answer is the first the server keeps of it. */
export interface AnswerConversation {
  conversationId: string;
  title: string;
  settings: ChatSettings;
  createdAt: number;
}

export interface ConversationStore {
  /** An owner's conversations, most recently updated first, each with its messages in order; with `since`, only those updated after it. */
  list(ownerId: string, options?: ReadTime & { since?: number }): Promise<Conversation[]>;
  /** The ids of every conversation of the owner: what another device holds beyond them was deleted. */
  ids(ownerId: string): Promise<string[]>;
  /**
   * Saves a conversation by merging it with the stored copy (see mergeConversations: per message the
   * newer version wins), so two devices converge whichever saves first. Returns the merged copy.
   */
  save(ownerId: string, conversation: Conversation, options?: ReadTime & { basedOn?: number }): Promise<Conversation>;
  /**
   * Saves some messages of a conversation (an answer as it streams), each only where it is newer than
   * the stored copy, new ones in createdAt order among the rest; makes the conversation when there is
   * none (unless `createIfMissing` is false: then a conversation deleted meanwhile stays deleted). Its
   * updatedAt becomes at least the newest of their versions. Writes those messages only.
   */
  saveMessages(ownerId: string, conversation: AnswerConversation, messages: ChatMessage[], options?: { createIfMissing?: boolean }): Promise<void>;
  /** Deletes it for real (its messages too); false when there was none. */
  remove(ownerId: string, conversationId: string): Promise<boolean>;
  /** Deletes every conversation of the owner (account deletion, guest pruning). Returns how many. */
  removeOwner(ownerId: string): Promise<number>;
  /** Moves every conversation of `fromOwner` to `toOwner` (a guest who signs up keeps their chats); on an id both have, the newer wins. */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
  /**
   * Deletes everything of the owners whose ids start with `prefix` and who have saved nothing since
   * `idleBefore` (epoch ms): guests who left long ago. Returns how many owners went.
   */
  removeIdleOwners(prefix: string, idleBefore: number): Promise<number>;
}

export interface ConversationStoreOptions {
  /**
   * How long a streaming answer may go unsaved and still be streaming. The server saves a streaming
   * answer at least every few seconds (lib/history/server/answer-saving.ts), so only one whose server
   * stopped is ever this old.
   */
  streamingGraceMs?: number;
}

export function createConversationStore(db: Database, { streamingGraceMs = 30_000 }: ConversationStoreOptions = {}): ConversationStore {
  const asRead = (conversation: Conversation, now = Date.now()) => withInterruptedAnswers(conversation, now, streamingGraceMs);

  return {
    // One snapshot for both reads, so no conversation is listed with another version's messages.
    list: (ownerId, { since, now } = {}) =>
      db.transaction(
        async (tx) => {
          const wanted = since === undefined ? eq(conversations.ownerId, ownerId) : and(eq(conversations.ownerId, ownerId), gt(conversations.updatedAt, since));
          const stored = await tx.select().from(conversations).where(wanted).orderBy(desc(conversations.updatedAt), asc(conversations.id));
          if (stored.length === 0) return [];
          const rows = await tx
            .select()
            .from(messages)
            .where(and(eq(messages.ownerId, ownerId), inArray(messages.conversationId, tx.select({ id: conversations.id }).from(conversations).where(wanted))))
            .orderBy(asc(messages.conversationId), asc(messages.position));
          const byConversation = Map.groupBy(rows, (row) => row.conversationId);
          return stored.map((conversation) => asRead(fromRows({ conversation, messages: byConversation.get(conversation.id) ?? [] }), now));
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),

    ids: async (ownerId) => {
      const rows = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.ownerId, ownerId)).orderBy(asc(conversations.id));
      return rows.map((row) => row.id);
    },

    save: (ownerId, conversation, { now, basedOn } = {}) =>
      db.transaction(async (tx) => {
        const incoming = toRows(ownerId, conversation);
        const created = await tx.insert(conversations).values(incoming.conversation).onConflictDoNothing().returning({ id: conversations.id });
        if (created.length > 0) {
          await writeMessageChanges(tx, ownerId, conversation.id, changesBetween([], incoming.messages));
          return asRead(fromRows(incoming), now);
        }
        // The row stays locked until the end of the transaction: a save racing this one waits here,
        // then merges with what this one stored.
        const stored = await readStored(tx, ownerId, conversation.id);
        const merged = toRows(ownerId, mergeConversations(fromRows(stored), conversation, { basedOn }));
        if (!isDeepStrictEqual(merged.conversation, stored.conversation)) {
          await tx.update(conversations).set(merged.conversation).where(and(eq(conversations.ownerId, ownerId), eq(conversations.id, conversation.id)));
        }
        await writeMessageChanges(tx, ownerId, conversation.id, changesBetween(stored.messages, merged.messages));
        return asRead(fromRows(merged), now);
      }),

    saveMessages: (ownerId, { conversationId, title, settings, createdAt }, incoming, { createIfMissing = true } = {}) =>
      db.transaction(async (tx) => {
        if (incoming.length === 0) return;
        const newest = Math.max(...incoming.map(versionOf));
        const raised = { updatedAt: sql`greatest(${conversations.updatedAt}, ${newest})` };
        // Made when it is not stored yet (if it may be); either way its row is locked until the end, as a save locks it.
        if (createIfMissing) {
          await tx
            .insert(conversations)
            .values({ ownerId, id: conversationId, title, settings, createdAt, updatedAt: Math.max(createdAt, newest) })
            .onConflictDoUpdate({ target: [conversations.ownerId, conversations.id], set: raised });
        } else {
          const found = await tx
            .update(conversations)
            .set(raised)
            .where(and(eq(conversations.ownerId, ownerId), eq(conversations.id, conversationId)))
            .returning({ id: conversations.id });
          if (found.length === 0) return;
        }
        // Only what ordering and versions need: the stored text is neither read nor written again.
        const stored = await tx
          .select({ id: messages.id, position: messages.position, createdAt: messages.createdAt, updatedAt: messages.updatedAt })
          .from(messages)
          .where(and(eq(messages.ownerId, ownerId), eq(messages.conversationId, conversationId)))
          .orderBy(asc(messages.position));
        await writeMessageChanges(tx, ownerId, conversationId, changesForSome(ownerId, conversationId, stored, incoming));
      }),

    remove: async (ownerId, conversationId) => {
      const removed = await db
        .delete(conversations)
        .where(and(eq(conversations.ownerId, ownerId), eq(conversations.id, conversationId)))
        .returning({ id: conversations.id });
      return removed.length > 0;
    },

    removeOwner: async (ownerId) => {
      const removed = await db.delete(conversations).where(eq(conversations.ownerId, ownerId)).returning({ id: conversations.id });
      return removed.length;
    },

    transfer: async (fromOwner, toOwner) => {
      if (fromOwner === toOwner) return;
      const other = alias(conversations, 'other');
      const sameIdOf = (owner: string) => and(eq(other.ownerId, owner), eq(other.id, conversations.id));
      await db.transaction(async (tx) => {
        // On an id both have, the moving copy replaces one not newer than itself, as a save would...
        await tx
          .delete(conversations)
          .where(and(eq(conversations.ownerId, toOwner), exists(tx.select({ one: sql`1` }).from(other).where(and(sameIdOf(fromOwner), gte(other.updatedAt, conversations.updatedAt))))));
        // ...and is dropped where the one it meets is newer.
        await tx.delete(conversations).where(and(eq(conversations.ownerId, fromOwner), exists(tx.select({ one: sql`1` }).from(other).where(sameIdOf(toOwner)))));
        // Their messages follow (ON UPDATE CASCADE).
        await tx.update(conversations).set({ ownerId: toOwner }).where(eq(conversations.ownerId, fromOwner));
      });
    },

    removeIdleOwners: async (prefix, idleBefore) => {
      const ofPrefix = like(conversations.ownerId, `${escapeLike(prefix)}%`);
      const idle = db
        .select({ ownerId: conversations.ownerId })
        .from(conversations)
        .where(ofPrefix)
        .groupBy(conversations.ownerId)
        .having(sql`max(${conversations.updatedAt}) < ${idleBefore}`);
      const removed = await db
        .delete(conversations)
        .where(and(ofPrefix, inArray(conversations.ownerId, idle)))
        .returning({ ownerId: conversations.ownerId });
      // Their files too, and those of guests who uploaded but never saved a chat.
      await createAttachmentStore(db).removeAbandoned(prefix, idleBefore);
      return new Set(removed.map((row) => row.ownerId)).size;
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The stored copy, its conversation row locked until the transaction ends. */
async function readStored(tx: Transaction, ownerId: string, conversationId: string): Promise<StoredConversation> {
  const [conversation] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.ownerId, ownerId), eq(conversations.id, conversationId)))
    .for('update');
  if (!conversation) throw new Error(`Conversation ${conversationId} vanished while it was being saved`);
  const rows = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.ownerId, ownerId), eq(messages.conversationId, conversationId)))
    .orderBy(asc(messages.position));
  return { conversation, messages: rows };
}

/** The process's store (embedded PGlite, or PostgreSQL when DATABASE_URL is set), migrated before first use. */
export async function conversationStore(): Promise<ConversationStore> {
  return createConversationStore(await sharedDatabase());
}
