import type { ChatMessage, ChatSettings, Conversation } from './types';

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

/**
 * An answer still marked streaming in storage was cut off by a reload: keep its text, as stopped.
 * With `keepResumable`, answers the server can still be asked for (they have a stream id) stay
 * streaming, for the store to resume.
 */
export function settleInterrupted(conversations: Record<string, Conversation>, { keepResumable = false } = {}): Record<string, Conversation> {
  const settles = (message: ChatMessage) => message.status === 'streaming' && !(keepResumable && message.streamId);
  return Object.fromEntries(
    Object.entries(conversations).map(([id, conversation]) => [
      id,
      conversation.messages.some(settles)
        ? { ...conversation, messages: conversation.messages.map((message) => (settles(message) ? { ...message, status: 'stopped' as const, streamId: undefined } : message)) }
        : conversation,
    ]),
  );
}
