import { bigint, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { RillError } from '@/lib/errors';
import type { Attachment, ChatMessage, ChatSettings, Conversation, MessageVersions } from '@/lib/chat/types';
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
    attachments: jsonb('attachments').$type<Attachment[]>(),
    versions: jsonb('versions').$type<MessageVersions>(),
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

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The bodies of attached files: an image's bytes, or the text read from a document (UTF-8). */
export const attachments = pgTable(
  'attachments',
  {
    ownerId: text('owner_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    kind: text('kind').$type<Attachment['kind']>().notNull(),
    size: integer('size').notNull(),
    body: bytea('body').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.ownerId, table.id] })],
);

/**
 * Read-only copies of a conversation behind a link. The id is the link's secret. A revoked share
 * keeps its row without the copy, so its link can say it was revoked.
 */
export const shares = pgTable(
  'shares',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    title: text('title').notNull(),
    snapshot: jsonb('snapshot').$type<Conversation>(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (table) => [index('shares_owner_conversation').on(table.ownerId, table.conversationId)],
);

/** Each owner's saved prompts, kept as one list like settings. */
export const promptLibraries = pgTable('prompt_libraries', {
  ownerId: text('owner_id').primaryKey(),
  prompts: jsonb('prompts').$type<{ id: string; name: string; text: string; updatedAt: number }[]>().notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/** Each owner's translation glossaries (lib/translate/glossary.ts), kept as one list like saved prompts. */
export const glossaryLists = pgTable('glossary_lists', {
  ownerId: text('owner_id').primaryKey(),
  glossaries: jsonb('glossaries')
    .$type<{ id: string; name: string; source: string; target: string; entries: { source: string; target: string }[]; updatedAt: number }[]>()
    .notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/** One side of an arena battle as kept: a model, and the temperature it was asked at when a battle compares temperatures (lib/arena). */
export interface ArenaContestant {
  model: string;
  temperature?: number;
}

/** An arena vote: side A or B is better, a tie, or both are bad. */
export type ArenaVoteChoice = 'a' | 'b' | 'tie' | 'both-bad';

/** One arena battle: a prompt and the two contestants drawn for it, whose names only a vote reveals. */
export const arenaBattles = pgTable(
  'arena_battles',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    prompt: text('prompt').notNull(),
    contestantA: jsonb('contestant_a').$type<ArenaContestant>().notNull(),
    contestantB: jsonb('contestant_b').$type<ArenaContestant>().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (table) => [index('arena_battles_owner').on(table.ownerId)],
);

/** The verdicts: the key makes a second vote by the same voter on the same battle impossible, not just unlikely. */
export const arenaVotes = pgTable(
  'arena_votes',
  {
    battleId: text('battle_id')
      .notNull()
      // A guest who signs in keeps their battles; a deleted account's go, votes with them.
      .references(() => arenaBattles.id, { onDelete: 'cascade' }),
    voterId: text('voter_id').notNull(),
    choice: text('choice').$type<ArenaVoteChoice>().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.battleId, table.voterId] }), index('arena_votes_voter').on(table.voterId)],
);
