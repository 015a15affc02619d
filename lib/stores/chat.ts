import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { CHAT_STORAGE_KEY, CHAT_STORAGE_VERSION, migrateChatStorage, settleInterrupted, type PersistedChat } from '@/lib/chat/chat-storage';
import { appendMessages, newConversation, titleFrom, truncateFrom, updateMessage } from '@/lib/chat/conversation';
import type { ChatMessage, ChatSettings, Conversation } from '@/lib/chat/types';
import { resumeReply, stopReply, streamReply, type ActiveStream } from './chat-reply';
import { createThrottledStorage } from './throttled-storage';

export interface ChatState {
  conversations: Record<string, Conversation>;
  /** Settings a new chat starts with (the settings panel edits these before the first message). */
  draftSettings: ChatSettings;
  /** The answer being streamed, with the controller that stops it. Never persisted. */
  stream: ActiveStream | null;
  storageError: string | null;
  /** The last deleted conversation, kept in memory so Undo can bring it back. */
  deleted: Conversation | null;

  /** Sends `text` in conversation `conversationId`, or in a new one; returns the conversation's id. */
  send: (conversationId: string | undefined, text: string) => string | undefined;
  stop: () => void;
  /** After a reload, picks up the answer that was streaming (if the server still has it). */
  resumeInterrupted: () => void;
  /** Answers again in place of `assistantMessageId` (Regenerate, and Retry after an error). */
  regenerate: (conversationId: string, assistantMessageId: string) => void;
  /** Replaces a sent user message and everything after it, and answers the edited history. */
  editAndResend: (conversationId: string, userMessageId: string, text: string) => void;
  rename: (conversationId: string, title: string) => void;
  remove: (conversationId: string) => void;
  undoRemove: () => string | undefined;
  /** Changes a conversation's settings, or the draft ones when `conversationId` is undefined. */
  updateSettings: (conversationId: string | undefined, patch: ChatSettings) => void;
  importConversations: (conversations: Conversation[]) => void;
  dismissStorageError: () => void;
}

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

      /** Appends `userText` (if any) and an empty answer after the kept history, then streams into it. */
      const answer = (conversationId: string, keep: (conversation: Conversation) => Conversation, userText?: string) => {
        const now = Date.now();
        const added: ChatMessage[] = userText === undefined ? [] : [{ id: crypto.randomUUID(), role: 'user', text: userText, createdAt: now }];
        const assistant: ChatMessage = { id: crypto.randomUUID(), role: 'assistant', text: '', createdAt: now, status: 'streaming' };
        patchConversation(conversationId, (conversation) => {
          const kept = keep(conversation);
          const title = kept.messages.length === 0 && userText !== undefined && conversation.title === 'New chat' ? titleFrom(userText) : conversation.title;
          return { ...appendMessages(kept, [...added, assistant], now), title };
        });
        const conversation = get().conversations[conversationId];
        if (!conversation) return;
        const stream = streamReply(conversation, assistant.id, replyHandlers(conversationId, assistant.id, () => stream));
        set({ stream });
      };

      const replyHandlers = (conversationId: string, messageId: string, stream: () => ActiveStream) => ({
        patch: (update: (message: ChatMessage) => ChatMessage) => patchMessage(conversationId, messageId, update),
        done: () => {
          if (get().stream === stream()) set({ stream: null });
        },
      });

      return {
        conversations: {},
        draftSettings: {},
        stream: null,
        storageError: null,
        deleted: null,

        send: (conversationId, text) => {
          if (!text.trim() || get().stream) return undefined;
          let id = conversationId && get().conversations[conversationId] ? conversationId : undefined;
          if (!id) {
            id = crypto.randomUUID();
            const created = newConversation(id, Date.now(), get().draftSettings);
            set((state) => ({ conversations: { ...state.conversations, [created.id]: created } }));
          }
          answer(id, (conversation) => conversation, text);
          return id;
        },

        stop: () => {
          const { stream } = get();
          if (stream) stopReply(stream);
        },

        resumeInterrupted: () => {
          if (get().stream) return;
          for (const conversation of Object.values(get().conversations)) {
            const message = conversation.messages.find((candidate) => candidate.status === 'streaming' && candidate.streamId);
            if (!message?.streamId) continue;
            const stream = resumeReply(conversation.id, { ...message, streamId: message.streamId }, replyHandlers(conversation.id, message.id, () => stream));
            set({ stream });
            return;
          }
        },

        regenerate: (conversationId, assistantMessageId) => {
          if (get().stream) return;
          answer(conversationId, (conversation) => truncateFrom(conversation, assistantMessageId));
        },

        editAndResend: (conversationId, userMessageId, text) => {
          if (!text.trim() || get().stream) return;
          answer(conversationId, (conversation) => truncateFrom(conversation, userMessageId), text);
        },

        rename: (conversationId, title) => {
          const trimmed = title.trim().slice(0, 200);
          if (trimmed) patchConversation(conversationId, (conversation) => ({ ...conversation, title: trimmed }));
        },

        remove: (conversationId) => {
          const { conversations, stream } = get();
          const conversation = conversations[conversationId];
          if (!conversation) return;
          if (stream?.conversationId === conversationId) stopReply(stream);
          const { [conversationId]: _removed, ...rest } = conversations;
          set({ conversations: rest, deleted: conversation });
        },

        undoRemove: () => {
          const { deleted } = get();
          if (!deleted) return undefined;
          set((state) => ({ conversations: { ...state.conversations, [deleted.id]: settleInterrupted({ [deleted.id]: deleted })[deleted.id]! }, deleted: null }));
          return deleted.id;
        },

        updateSettings: (conversationId, patch) => {
          if (conversationId === undefined) set((state) => ({ draftSettings: { ...state.draftSettings, ...patch } }));
          else patchConversation(conversationId, (conversation) => ({ ...conversation, settings: { ...conversation.settings, ...patch } }));
        },

        importConversations: (imported) =>
          set((state) => ({ conversations: { ...state.conversations, ...Object.fromEntries(imported.map((conversation) => [conversation.id, conversation])) } })),

        dismissStorageError: () => set({ storageError: null }),
      };
    },
    {
      name: CHAT_STORAGE_KEY,
      version: CHAT_STORAGE_VERSION,
      skipHydration: true,
      storage: createThrottledStorage<PersistedChat>({
        onWriteError: () =>
          useChatStore.setState({
            storageError: 'Browser storage is full: new messages are not being saved. Export or delete old conversations to free space.',
          }),
      }),
      partialize: (state): PersistedChat => ({ conversations: state.conversations, draftSettings: state.draftSettings }),
      migrate: migrateChatStorage,
      merge: (persisted, current) => {
        const saved = persisted as PersistedChat | undefined;
        return saved ? { ...current, draftSettings: saved.draftSettings ?? {}, conversations: settleInterrupted(saved.conversations ?? {}, { keepResumable: true }) } : current;
      },
    },
  ),
);
