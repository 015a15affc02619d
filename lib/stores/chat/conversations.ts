import { settleInterrupted } from '@/lib/chat/chat-storage';
import { showVersion } from '@/lib/chat/versions';
import { withConversation, type ChatSlice, type ConversationsSlice } from './state';

/** The conversations themselves: naming, deleting (with undo), settings, import, which version is on screen. */
export const createConversationsSlice: ChatSlice<ConversationsSlice> = (set, get) => ({
  conversations: {},
  draftSettings: {},
  storageError: null,
  historyNotice: null,
  historyReady: false,
  deleted: null,

  rename: (conversationId, title) => {
    const trimmed = title.trim().slice(0, 200);
    if (trimmed) set((state) => withConversation(state, conversationId, (conversation) => ({ ...conversation, title: trimmed })));
  },

  remove: (conversationId) => {
    const { conversations, stream, stop } = get();
    const conversation = conversations[conversationId];
    if (!conversation) return;
    if (stream?.conversationId === conversationId) stop();
    const { [conversationId]: _removed, ...rest } = get().conversations;
    set({ conversations: rest, deleted: conversation });
  },

  undoRemove: () => {
    const { deleted } = get();
    if (!deleted) return undefined;
    // An answer that was streaming when it was deleted was stopped then: it comes back as stopped.
    const restored = settleInterrupted({ [deleted.id]: deleted })[deleted.id]!;
    set((state) => ({ conversations: { ...state.conversations, [deleted.id]: restored }, deleted: null }));
    return deleted.id;
  },

  updateSettings: (conversationId, patch) => {
    if (conversationId === undefined) set((state) => ({ draftSettings: { ...state.draftSettings, ...patch } }));
    else set((state) => withConversation(state, conversationId, (conversation) => ({ ...conversation, settings: { ...conversation.settings, ...patch } })));
  },

  importConversations: (imported) =>
    set((state) => ({ conversations: { ...state.conversations, ...Object.fromEntries(imported.map((conversation) => [conversation.id, conversation])) } })),

  showVersion: (conversationId, messageId, position) => {
    // The answer streaming in would lose its place.
    if (get().stream?.conversationId === conversationId) return;
    set((state) => withConversation(state, conversationId, (conversation) => showVersion(conversation, messageId, position, Date.now())));
  },

  dismissStorageError: () => set({ storageError: null }),
});
