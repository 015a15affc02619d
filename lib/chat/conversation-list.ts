import type { Conversation } from './types';

/**
 * Ids of the conversations to list, newest first. Returns ids only, so a list built from it
 * re-renders when the set or the order changes, not when a message in one conversation grows.
 * (Searching them is conversation-search.ts.)
 */
export function listConversationIds(conversations: Record<string, Conversation>): string[] {
  return Object.values(conversations)
    .sort(newestFirst)
    .map((conversation) => conversation.id);
}

/** The list's order: the conversation touched last comes first. */
export const newestFirst = (a: Conversation, b: Conversation) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt;
