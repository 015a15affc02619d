import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { CHAT_STORAGE_KEY, CHAT_STORAGE_VERSION, migrateChatStorage, settleInterrupted, type PersistedChat } from '@/lib/chat/chat-storage';
import { createThrottledStorage } from '../throttled-storage';
import { createConversationsSlice } from './conversations';
import { createRepliesSlice } from './replies';
import type { ChatState } from './state';

/** The chat: conversations and the answer streaming into one of them, kept in localStorage. */
export const useChatStore = create<ChatState>()(
  persist(
    (...store) => ({ ...createConversationsSlice(...store), ...createRepliesSlice(...store) }),
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
