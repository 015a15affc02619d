import { versionOf } from '@/lib/chat/conversation-merge';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import { rillError } from '@/lib/errors';

export const interruptedAnswer = rillError('interrupted', 'The answer was cut off when the server stopped. The text so far is kept.');

/**
 * `conversation` as it reads at `now`. An answer is saved as it streams, each save a newer version;
 * one still marked streaming whose last save is older than `streamingGraceMs` was left so by a server
 * that stopped mid-answer, and nobody will finish it: it reads as cut off, with the text it had.
 */
export function withInterruptedAnswers(conversation: Conversation, now: number, streamingGraceMs: number): Conversation {
  const abandoned = (message: ChatMessage) => message.status === 'streaming' && now - versionOf(message) > streamingGraceMs;
  if (!conversation.messages.some(abandoned)) return conversation;
  return { ...conversation, messages: conversation.messages.map((message) => (abandoned(message) ? { ...message, status: 'error', error: interruptedAnswer } : message)) };
}
