import type { AnswerHandlers, AnswerOutcome } from '@/lib/client/fetch-answer';
import type { ResumeOutcome } from '@/lib/client/resume-answer';
import { fetchAnswerLazily, resumeAnswerLazily, stopAnswerLazily } from '@/lib/client/lazy-answer-client';
import { toRequestMessages } from '@/lib/chat/conversation';
import type { ChatMessage, Conversation } from '@/lib/chat/types';

export interface ActiveStream {
  conversationId: string;
  messageId: string;
  /** The server's name for the answer: a reload resumes it, a stop ends it there too. */
  streamId: string;
  controller: AbortController;
}

/**
 * Leaving or reloading the page drops the answer's connection. That is not a failure of the answer:
 * the next page load resumes it, so the message stays streaming (with its stream id) in storage.
 */
let leavingPage = false;
if (typeof window !== 'undefined') {
  // beforeunload comes before the navigation drops the connection; pageshow undoes it when the page
  // comes back from the back/forward cache.
  window.addEventListener('beforeunload', () => (leavingPage = true));
  window.addEventListener('pageshow', () => (leavingPage = false));
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
  const streamId = crypto.randomUUID();
  patch((message) => ({ ...message, streamId }));
  const body = { id: conversation.id, messages: toRequestMessages(conversation.messages.filter((message) => message.id !== messageId)), ...conversation.settings };
  void fetchAnswerLazily('/api/chat', body, controller.signal, appendingHandlers(patch), { streamId }).then((outcome) => {
    if (leavingPage) return;
    patch((message) => settle(message, outcome));
    done();
  });
  return { conversationId: conversation.id, messageId, streamId, controller };
}

/**
 * Picks up an answer that was streaming when the page reloaded. The server replays it from its first
 * token; the part already saved is skipped, so the text grows on from where the user last saw it.
 */
export function resumeReply(conversationId: string, message: ChatMessage & { streamId: string }, { patch, done }: ReplyHandlers): ActiveStream {
  const controller = new AbortController();
  let alreadyShown = message.text.length;
  const append = appendingHandlers(patch);
  const handlers: AnswerHandlers = {
    ...append,
    onText: (delta) => {
      const unseen = delta.slice(alreadyShown);
      alreadyShown = Math.max(0, alreadyShown - delta.length);
      if (unseen) append.onText(unseen);
    },
  };
  void resumeAnswerLazily(message.streamId, controller.signal, handlers).then((outcome) => {
    if (leavingPage) return;
    patch((current) => settle(current, outcome));
    done();
  });
  return { conversationId, messageId: message.id, streamId: message.streamId, controller };
}

export function stopReply(stream: ActiveStream) {
  stream.controller.abort();
  // Without this the server keeps the answer going for a while, in case the page was only reloading.
  void stopAnswerLazily(stream.streamId);
}

function appendingHandlers(patch: ReplyHandlers['patch']): AnswerHandlers {
  return {
    onText: (delta) => patch((message) => ({ ...message, text: message.text + delta })),
    onMetadata: (metadata) => patch((message) => ({ ...message, metadata: { ...message.metadata, ...metadata } })),
  };
}

function settle(message: ChatMessage, outcome: AnswerOutcome | ResumeOutcome): ChatMessage {
  const ended = { ...message, streamId: undefined };
  switch (outcome.status) {
    case 'error':
      return { ...ended, status: 'error', error: outcome.error };
    case 'gone':
      return {
        ...ended,
        status: 'error',
        error: { code: 'interrupted', message: 'The page reloaded mid-answer and the server no longer has the rest. The text so far is kept.' },
      };
    default:
      return { ...ended, status: outcome.status };
  }
}
