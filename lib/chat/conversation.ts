import type { ChatMessage, ChatSettings, Conversation } from './types';

/**
 * Pure, immutable conversation updates. A streamed token replaces one message object and the array
 * holding it, nothing else, so only that message's row re-renders.
 */
export function newConversation(id: string, now: number, settings: ChatSettings = {}): Conversation {
  return { id, title: 'New chat', createdAt: now, updatedAt: now, messages: [], settings };
}

export function updateMessage(conversation: Conversation, messageId: string, update: (message: ChatMessage) => ChatMessage): Conversation {
  const index = conversation.messages.findLastIndex((message) => message.id === messageId);
  const current = conversation.messages[index];
  if (!current) return conversation;
  const messages = conversation.messages.slice();
  messages[index] = update(current);
  return { ...conversation, messages };
}

export function appendMessages(conversation: Conversation, added: ChatMessage[], now: number): Conversation {
  return { ...conversation, messages: [...conversation.messages, ...added], updatedAt: now };
}

/** What the server receives: every turn in full, including complete earlier answers. */
export function toRequestMessages(messages: ChatMessage[]) {
  return messages
    .filter((message) => message.role === 'user' || message.text.length > 0)
    .map((message) => ({
      id: message.id,
      role: message.role,
      parts: [{ type: 'text' as const, text: message.text }, ...(message.attachments ?? []).map((attachment) => ({ type: 'attachment' as const, ...attachment }))],
    }));
}

export function titleFrom(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.replace(/\s+/g, ' ') ?? '';
  if (!firstLine) return 'New chat';
  return firstLine.length > 48 ? `${firstLine.slice(0, 47).trimEnd()}…` : firstLine;
}
