import type { AnswerHandlers } from '@/lib/client/fetch-answer';
import { fetchAnswerLazily } from '@/lib/chat/streaming-client';
import { toRequestMessages } from '@/lib/chat/conversation';
import type { ChatMessage, Conversation } from '@/lib/chat/types';

export interface ActiveStream {
  conversationId: string;
  messageId: string;
  controller: AbortController;
}

interface ReplyHandlers {
  /** Applies an update to the answer being written. */
  patch: (update: (message: ChatMessage) => ChatMessage) => void;
  done: () => void;
}

/**
 * Streams the answer to `conversation` into its (empty, last) message `messageId`: text per token,
 * metadata as it arrives, then how it ended. A stop keeps the text; an error goes in the error field.
 */
export function streamReply(conversation: Conversation, messageId: string, { patch, done }: ReplyHandlers): ActiveStream {
  const controller = new AbortController();
  const body = { id: conversation.id, messages: toRequestMessages(conversation.messages.filter((message) => message.id !== messageId)), ...conversation.settings };
  const handlers: AnswerHandlers = {
    onText: (delta) => patch((message) => ({ ...message, text: message.text + delta })),
    onMetadata: (metadata) => patch((message) => ({ ...message, metadata: { ...message.metadata, ...metadata } })),
  };
  void fetchAnswerLazily('/api/chat', body, controller.signal, handlers).then((outcome) => {
    patch((message) => (outcome.status === 'error' ? { ...message, status: 'error', error: outcome.error } : { ...message, status: outcome.status }));
    done();
  });
  return { conversationId: conversation.id, messageId, controller };
}
