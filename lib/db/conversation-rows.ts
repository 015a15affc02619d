import { versionOf, withoutHiddenCopies } from '@/lib/chat/conversation-merge';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import type { conversations, messages } from './schema';

type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export interface StoredConversation {
  conversation: ConversationRow;
  messages: MessageRow[];
}

/**
 * The rows that keep `conversation` for `ownerId`. A message's `streamId` is left out: it names an
 * answer streaming on one server right now, which is over by the time another device reads the copy.
 */
export function toRows(ownerId: string, { id, title, settings, createdAt, updatedAt, messages }: Conversation): StoredConversation {
  return {
    conversation: { ownerId, id, title, settings, createdAt, updatedAt },
    messages: messages.map((message, position) => toMessageRow(ownerId, id, message, position)),
  };
}

export function toMessageRow(ownerId: string, conversationId: string, message: ChatMessage, position: number): MessageRow {
  return {
    ownerId,
    conversationId,
    id: message.id,
    position,
    role: message.role,
    text: message.text,
    reasoning: message.reasoning ?? null,
    status: message.status ?? null,
    error: message.error ?? null,
    metadata: message.metadata ?? null,
    attachments: message.attachments ?? null,
    versions: message.versions ?? null,
    createdAt: message.createdAt,
    updatedAt: versionOf(message),
  };
}

/**
 * The conversation its rows keep, `messages` in their order; a field stored as null is absent, as it
 * was, and so is an updatedAt equal to createdAt (a message never changed).
 */
export function fromRows({ conversation, messages }: StoredConversation): Conversation {
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    // A late save of an answer the browser has set aside as a version meanwhile may have left its row.
    messages: withoutHiddenCopies(messages.map(fromMessageRow)),
    settings: conversation.settings,
  };
}

function fromMessageRow(row: MessageRow): ChatMessage {
  const message: ChatMessage = { id: row.id, role: row.role, text: row.text, createdAt: row.createdAt };
  if (row.updatedAt !== row.createdAt) message.updatedAt = row.updatedAt;
  if (row.reasoning !== null) message.reasoning = row.reasoning;
  if (row.status !== null) message.status = row.status;
  if (row.error !== null) message.error = row.error;
  if (row.metadata !== null) message.metadata = row.metadata;
  if (row.attachments !== null) message.attachments = row.attachments;
  if (row.versions !== null) message.versions = row.versions;
  return message;
}
