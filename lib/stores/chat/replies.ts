import { fetchAnswer, resumeAnswer, stopAnswer, type ResumeEnd } from '@/lib/client/answer-client';
import { appendMessages, newConversation, titleFrom, toRequestMessages } from '@/lib/chat/conversation';
import { setAside } from '@/lib/chat/versions';
import type { ChatMessage } from '@/lib/chat/types';
import type { FoldListeners } from '@/lib/protocol/answer-fold';
import { createFrameBatcher } from '../frame-batcher';
import { withMessage, type ActiveStream, type ChatSlice, type RepliesSlice } from './state';

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

type ReadAnswer = (signal: AbortSignal, listeners: FoldListeners) => Promise<ResumeEnd>;

/**
 * Answers: one streams at a time, into the last message of its conversation — text per token,
 * metadata as it arrives, then how it ended. A stop keeps the text; an error goes in the error field.
 */
export const createRepliesSlice: ChatSlice<RepliesSlice> = (set, get) => {
  const patch = (stream: ActiveStream, update: (message: ChatMessage) => ChatMessage) =>
    set((state) => withMessage(state, stream.conversationId, stream.messageId, update));

  /**
   * Reads an answer into `stream`'s message until it ends. `alreadyShown` characters of its text and
   * of its reasoning are on screen already (a resumed answer is replayed from its first token), so
   * they are skipped.
   */
  const follow = (stream: ActiveStream, read: ReadAnswer, alreadyShown: Record<StreamedField, number> = { text: 0, reasoning: 0 }) => {
    set({ stream });
    const skip = { ...alreadyShown };
    const pending = createFrameBatcher<[StreamedField, string]>((pieces) => patch(stream, (message) => withPieces(message, pieces)));
    const unseen = (field: StreamedField) => (delta: string) => {
      const rest = delta.slice(skip[field]);
      skip[field] = Math.max(0, skip[field] - delta.length);
      if (rest) pending.add([field, rest]);
    };
    const listeners: FoldListeners = {
      onText: unseen('text'),
      onReasoning: unseen('reasoning'),
      onMetadata: (metadata) => patch(stream, (message) => ({ ...message, metadata: { ...message.metadata, ...metadata } })),
    };
    void read(stream.controller.signal, listeners).then((end) => {
      pending.flush();
      if (leavingPage) return;
      patch(stream, (message) => settle(message, end));
      if (get().stream === stream) set({ stream: null });
    });
  };

  /**
   * Streams an answer after the conversation's history, the question (if any) asked first. With
   * `replacing`, that message and what followed it are set aside as an earlier version of the new
   * question (or, with no question, of the new answer).
   */
  const answer = (conversationId: string, { replacing, question }: { replacing?: string; question?: Question }) => {
    const now = Date.now();
    const streamId = crypto.randomUUID();
    const userText = question?.text;
    const files = question?.attachments?.length ? { attachments: question.attachments } : {};
    const added: ChatMessage[] = question === undefined ? [] : [{ id: crypto.randomUUID(), role: 'user', text: question.text, createdAt: now, ...files }];
    const assistant: ChatMessage = { id: crypto.randomUUID(), role: 'assistant', text: '', createdAt: now, status: 'streaming', streamId };
    const current = get().conversations[conversationId];
    if (!current) return;
    const { kept, versions } = replacing ? setAside(current, replacing) : { kept: current };
    const [head, ...rest] = [...added, assistant];
    const title = kept.messages.length === 0 && userText !== undefined && current.title === 'New chat' ? titleFrom(userText.trim() ? userText : (question?.attachments?.[0]?.name ?? '')) : current.title;
    const conversation = { ...appendMessages(kept, [versions ? { ...head!, versions } : head!, ...rest], now), title };
    set((state) => ({ conversations: { ...state.conversations, [conversationId]: conversation } }));

    const body = {
      id: conversationId,
      messages: toRequestMessages(conversation.messages.slice(0, -1)),
      ...conversation.settings,
      // The server keeps the answer as it streams, so another device, or this one after a crash, has it.
      save: { answerId: assistant.id, title, conversationCreatedAt: conversation.createdAt, answerCreatedAt: now },
    };
    follow({ conversationId, messageId: assistant.id, streamId, controller: new AbortController() }, (signal, listeners) =>
      fetchAnswer('/api/chat', body, signal, listeners, { streamId }),
    );
  };

  return {
    stream: null,

    send: (conversationId, text, attachments) => {
      if ((!text.trim() && !attachments?.length) || get().stream) return undefined;
      let id = conversationId && get().conversations[conversationId] ? conversationId : undefined;
      if (!id) {
        const created = newConversation(crypto.randomUUID(), Date.now(), get().draftSettings);
        set((state) => ({ conversations: { ...state.conversations, [created.id]: created } }));
        id = created.id;
      }
      answer(id, { question: { text, attachments } });
      return id;
    },

    stop: () => {
      const { stream } = get();
      if (!stream) return;
      stream.controller.abort();
      // Without this the server keeps the answer going for a while, in case the page was only reloading.
      void stopAnswer(stream.streamId);
    },

    resumeInterrupted: () => {
      if (get().stream) return;
      for (const conversation of Object.values(get().conversations)) {
        const message = conversation.messages.find((candidate) => candidate.status === 'streaming' && candidate.streamId);
        if (!message?.streamId) continue;
        const { streamId } = message;
        follow(
          { conversationId: conversation.id, messageId: message.id, streamId, controller: new AbortController() },
          (signal, listeners) => resumeAnswer(streamId, signal, listeners),
          { text: message.text.length, reasoning: message.reasoning?.length ?? 0 },
        );
        return;
      }
    },

    regenerate: (conversationId, assistantMessageId) => {
      if (get().stream) return;
      answer(conversationId, { replacing: assistantMessageId });
    },

    editAndResend: (conversationId, userMessageId, text) => {
      const attachments = get().conversations[conversationId]?.messages.find((message) => message.id === userMessageId)?.attachments;
      if ((!text.trim() && !attachments?.length) || get().stream) return;
      answer(conversationId, { replacing: userMessageId, question: { text, attachments } });
    },
  };
};

/** A question as sent: its text and the files with it. */
type Question = Pick<ChatMessage, 'text' | 'attachments'>;

/** What of an answer arrives piece by piece: its text, and the reasoning before it. */
type StreamedField = 'text' | 'reasoning';

/** The message with one frame's pieces appended, each to its field. */
function withPieces(message: ChatMessage, pieces: [StreamedField, string][]): ChatMessage {
  let { text, reasoning = '' } = message;
  for (const [field, piece] of pieces) {
    if (field === 'text') text += piece;
    else reasoning += piece;
  }
  return reasoning ? { ...message, text, reasoning } : { ...message, text };
}

function settle(message: ChatMessage, end: ResumeEnd): ChatMessage {
  // A new version of the message: the server's copy, saved as it streamed, is older than this one.
  const ended = { ...message, streamId: undefined, updatedAt: Date.now() };
  switch (end.status) {
    case 'error':
      return { ...ended, status: 'error', error: end.error };
    case 'gone':
      return {
        ...ended,
        status: 'error',
        error: { code: 'interrupted', message: 'The page reloaded mid-answer and the server no longer has the rest. The text so far is kept.' },
      };
    default:
      return { ...ended, status: end.status };
  }
}
