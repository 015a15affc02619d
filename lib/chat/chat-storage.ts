import type { ChatSettings, Conversation } from './types';

/**
 * What the chat keeps in localStorage, and how older saved shapes are brought up to date. Bump
 * CHAT_STORAGE_VERSION whenever PersistedChat changes, and teach `migrateChatStorage` the step.
 *
 * v1: { conversations, activeId }: the open conversation lived in storage.
 * v2: { conversations, draftSettings }: the URL says which conversation is open; empty conversations
 *     are not kept; settings for the next new chat are remembered.
 */
export const CHAT_STORAGE_KEY = 'rill-chat';
export const CHAT_STORAGE_VERSION = 2;

export interface PersistedChat {
  conversations: Record<string, Conversation>;
  draftSettings: ChatSettings;
}

export function migrateChatStorage(persisted: unknown, fromVersion: number): PersistedChat {
  const saved = (persisted ?? {}) as Partial<PersistedChat> & { activeId?: unknown };
  let conversations = saved.conversations ?? {};
  if (fromVersion < 2) {
    conversations = Object.fromEntries(
      Object.entries(conversations)
        .filter(([, conversation]) => conversation.messages?.length > 0)
        .map(([id, conversation]) => [id, { ...conversation, settings: conversation.settings ?? {} }]),
    );
  }
  return { conversations, draftSettings: saved.draftSettings ?? {} };
}

/** An answer still marked streaming in storage was cut off by a reload: keep its text, as stopped. */
export function settleInterrupted(conversations: Record<string, Conversation>): Record<string, Conversation> {
  return Object.fromEntries(
    Object.entries(conversations).map(([id, conversation]) => [
      id,
      conversation.messages.some((message) => message.status === 'streaming')
        ? { ...conversation, messages: conversation.messages.map((message) => (message.status === 'streaming' ? { ...message, status: 'stopped' as const } : message)) }
        : conversation,
    ]),
  );
}
