import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { fetchAnswer } from '@/lib/client/fetch-answer';
import { appendMessages, newConversation, titleFrom, toRequestMessages, truncateFrom, updateMessage } from '@/lib/chat/conversation';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import { createThrottledStorage } from './throttled-storage';

interface ActiveStream {
  conversationId: string;
  messageId: string;
  controller: AbortController;
}

export interface ChatState {
  conversations: Record<string, Conversation>;
  activeId: string | undefined;
  /** The answer being streamed, with the controller that stops it. Never persisted. */
  stream: ActiveStream | null;
  storageError: string | null;

  startConversation: () => string;
  send: (text: string) => void;
  stop: () => void;
  retry: (assistantMessageId: string) => void;
}

const STORAGE_KEY = 'rill-chat';
export const CHAT_STORAGE_VERSION = 1;

export const useChatStore = create<ChatState>()(
  persist(
    (set, get) => {
      const patchConversation = (conversationId: string, update: (conversation: Conversation) => Conversation) =>
        set((state) => {
          const conversation = state.conversations[conversationId];
          return conversation ? { conversations: { ...state.conversations, [conversationId]: update(conversation) } } : state;
        });

      const patchMessage = (conversationId: string, messageId: string, update: (message: ChatMessage) => ChatMessage) =>
        patchConversation(conversationId, (conversation) => updateMessage(conversation, messageId, update));

      /** Streams an answer into the (already added, empty) assistant message `messageId`. */
      const streamInto = async (conversationId: string, messageId: string) => {
        const conversation = get().conversations[conversationId];
        if (!conversation) return;
        const controller = new AbortController();
        set({ stream: { conversationId, messageId, controller } });
        const history = conversation.messages.filter((message) => message.id !== messageId);
        const outcome = await fetchAnswer(
          '/api/chat',
          { id: conversationId, messages: toRequestMessages(history), ...conversation.settings },
          controller.signal,
          {
            onText: (delta) => patchMessage(conversationId, messageId, (message) => ({ ...message, text: message.text + delta })),
            onMetadata: (metadata) => patchMessage(conversationId, messageId, (message) => ({ ...message, metadata: { ...message.metadata, ...metadata } })),
          },
        );
        patchMessage(conversationId, messageId, (message) =>
          outcome.status === 'error' ? { ...message, status: 'error', error: outcome.error } : { ...message, status: outcome.status },
        );
        if (get().stream?.controller === controller) set({ stream: null });
      };

      const assistantPlaceholder = (): ChatMessage => ({
        id: crypto.randomUUID(),
        role: 'assistant',
        text: '',
        createdAt: Date.now(),
        status: 'streaming',
      });

      return {
        conversations: {},
        activeId: undefined,
        stream: null,
        storageError: null,

        startConversation: () => {
          const id = crypto.randomUUID();
          set((state) => ({ conversations: { ...state.conversations, [id]: newConversation(id, Date.now()) }, activeId: id }));
          return id;
        },

        send: (text) => {
          if (!text.trim() || get().stream) return;
          const { activeId, conversations } = get();
          const conversationId = activeId && conversations[activeId] ? activeId : get().startConversation();
          const now = Date.now();
          const user: ChatMessage = { id: crypto.randomUUID(), role: 'user', text, createdAt: now };
          const assistant = assistantPlaceholder();
          patchConversation(conversationId, (conversation) => ({
            ...appendMessages(conversation, [user, assistant], now),
            title: conversation.messages.length === 0 ? titleFrom(text) : conversation.title,
          }));
          void streamInto(conversationId, assistant.id);
        },

        stop: () => get().stream?.controller.abort(),

        retry: (assistantMessageId) => {
          const { activeId, stream } = get();
          if (!activeId || stream) return;
          const assistant = assistantPlaceholder();
          patchConversation(activeId, (conversation) => appendMessages(truncateFrom(conversation, assistantMessageId), [assistant], Date.now()));
          void streamInto(activeId, assistant.id);
        },
      };
    },
    {
      name: STORAGE_KEY,
      version: CHAT_STORAGE_VERSION,
      skipHydration: true,
      storage: createThrottledStorage({
        onWriteError: () =>
          useChatStore.setState({ storageError: 'Browser storage is full: new messages are not being saved. Delete old conversations to free space.' }),
      }),
      partialize: (state) => ({ conversations: state.conversations, activeId: state.activeId }),
      merge: (persisted, current) => ({ ...current, ...settleInterrupted(persisted as Partial<ChatState>) }),
    },
  ),
);

/** An answer still marked streaming in storage was cut off by a reload; keep its text as stopped. */
function settleInterrupted(persisted: Partial<ChatState>): Partial<ChatState> {
  const conversations = Object.fromEntries(
    Object.entries(persisted.conversations ?? {}).map(([id, conversation]) => [
      id,
      {
        ...conversation,
        messages: conversation.messages.map((message) => (message.status === 'streaming' ? { ...message, status: 'stopped' as const } : message)),
      },
    ]),
  );
  return { ...persisted, conversations };
}
