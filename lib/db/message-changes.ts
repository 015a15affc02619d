import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { HELD_PARTS, mergeMessages, type MessageStamp } from '@/lib/chat/conversation-merge';
import type { ChatMessage } from '@/lib/chat/types';
import { toMessageRow, type MessageRow } from './conversation-rows';
import type { Transaction } from './database';
import { messages } from './schema';

/** What turns one conversation's stored messages into the ones it should now hold. */
export interface MessageChanges {
  /** New or changed, written whole. */
  written: MessageRow[];
  /** Unchanged but for where they stand. */
  moved: { id: string; position: number }[];
  /** Ids no longer in the conversation. */
  removed: string[];
}

/** Far below PostgreSQL's 65,535 parameters a statement may have, at 11 per message. */
const MESSAGES_PER_STATEMENT = 1_000;

const { ownerId: _owner, conversationId: _conversation, id: _id, ...overwritten } = getTableColumns(messages);
const held = new Set<string>(HELD_PARTS);
/**
 * On a row already there, every column but the key takes the written value; a message's held parts
 * (see HELD_PARTS) stay when the written copy has none, as the copy saved as an answer streams.
 */
const overwrite = Object.fromEntries(
  Object.entries(overwritten).map(([key, column]) => [
    key,
    held.has(key) ? sql.raw(`coalesce(excluded."${column.name}", "messages"."${column.name}")`) : sql.raw(`excluded."${column.name}"`),
  ]),
);

/** The changes from `before` to `after`, both one conversation's rows: what is the same is not written again. */
export function changesBetween(before: readonly MessageRow[], after: readonly MessageRow[]): MessageChanges {
  const stored = new Map(before.map((row) => [row.id, row]));
  const kept = new Set(after.map((row) => row.id));
  const changes: MessageChanges = { written: [], moved: [], removed: before.filter((row) => !kept.has(row.id)).map((row) => row.id) };
  for (const row of after) {
    const was = stored.get(row.id);
    if (!was || !isDeepStrictEqual({ ...was, position: row.position }, row)) changes.written.push(row);
    else if (was.position !== row.position) changes.moved.push({ id: row.id, position: row.position });
  }
  return changes;
}

/**
 * The changes that put `incoming` among the `stored` messages of a conversation, of which only their
 * stamps and places were read: each incoming message written where it is the newer copy, and only the
 * stored ones that new messages push along moved.
 */
export function changesForSome(ownerId: string, conversationId: string, stored: readonly (MessageStamp & { position: number })[], incoming: readonly ChatMessage[]): MessageChanges {
  const changes: MessageChanges = { written: [], moved: [], removed: [] };
  mergeMessages(stored, incoming, () => true).forEach((message, position) => {
    // Stored messages were read without their text: a message with one is an incoming copy that won.
    if ('text' in message) changes.written.push(toMessageRow(ownerId, conversationId, message, position));
    else if (message.position !== position) changes.moved.push({ id: message.id, position });
  });
  return changes;
}

/** Applies `changes` to one conversation's messages, a statement per thousand rows at most, whatever their number. */
export async function writeMessageChanges(tx: Transaction, ownerId: string, conversationId: string, { written, moved, removed }: MessageChanges): Promise<void> {
  const ofConversation = and(eq(messages.ownerId, ownerId), eq(messages.conversationId, conversationId));
  for (const ids of chunks(removed)) await tx.delete(messages).where(and(ofConversation, inArray(messages.id, ids)));
  for (const rows of chunks(moved)) {
    const positions = sql.join(rows.map(({ id, position }) => sql`(${id}, ${position}::integer)`), sql`, `);
    await tx.execute(sql`update ${messages} set position = moved.position from (values ${positions}) as moved(id, position) where ${ofConversation} and ${messages.id} = moved.id`);
  }
  for (const rows of chunks(written)) {
    await tx.insert(messages).values(rows).onConflictDoUpdate({ target: [messages.ownerId, messages.conversationId, messages.id], set: overwrite });
  }
}

function* chunks<T>(list: readonly T[]): Generator<T[]> {
  for (let start = 0; start < list.length; start += MESSAGES_PER_STATEMENT) yield list.slice(start, start + MESSAGES_PER_STATEMENT);
}
