import type { Conversation } from './types';

/**
 * Ids of the conversations to list, newest first, filtered by `query` against titles and message
 * text (case-insensitive). Returns ids only, so a list built from it re-renders when the set or the
 * order changes, not when a message in one conversation grows.
 */
export function listConversationIds(conversations: Record<string, Conversation>, query = ''): string[] {
  const needle = query.trim().toLocaleLowerCase();
  return Object.values(conversations)
    .filter((conversation) => !needle || matches(conversation, needle))
    .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt)
    .map((conversation) => conversation.id);
}

function matches(conversation: Conversation, needle: string): boolean {
  return (
    conversation.title.toLocaleLowerCase().includes(needle) ||
    conversation.messages.some((message) => message.text.toLocaleLowerCase().includes(needle))
  );
}
