import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { RillError } from '@/lib/errors';
import type { ChatMessage, ChatSettings } from '@/lib/chat/types';
import type { AnswerMetadata } from '@/lib/protocol/metadata';

/**
 * The tables, from which `npm run db:generate` writes the SQL migrations in ./migrations. Ids are the
 * browser's own, so every key starts with the owner: two owners' ids never collide.
 */
export const conversations = pgTable(
  'conversations',
  {
    ownerId: text('owner_id').notNull(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    settings: jsonb('settings').$type<ChatSettings>().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.ownerId, table.id] }), index('conversations_owner_recent').on(table.ownerId, table.updatedAt.desc())],
);

export const messages = pgTable(
  'messages',
  {
    ownerId: text('owner_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    role: text('role').$type<ChatMessage['role']>().notNull(),
    text: text('text').notNull(),
    reasoning: text('reasoning'),
    status: text('status').$type<NonNullable<ChatMessage['status']>>(),
    error: jsonb('error').$type<RillError>(),
    metadata: jsonb('metadata').$type<AnswerMetadata>(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    // The message's version (see ChatMessage.updatedAt), kept even when it is just createdAt, so
    // comparing two copies needs no fallback in SQL.
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.ownerId, table.conversationId, table.id] }),
    foreignKey({ columns: [table.ownerId, table.conversationId], foreignColumns: [conversations.ownerId, conversations.id], name: 'messages_conversation' })
      .onDelete('cascade')
      // A guest's conversations change owner when they sign up; their messages follow.
      .onUpdate('cascade'),
  ],
);
