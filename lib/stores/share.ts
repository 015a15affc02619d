import { create } from 'zustand';
import type { RillError } from '@/lib/errors';
import type { ShareLink } from '@/lib/db/share-store';
import type { ShareExpiryDays } from '@/lib/share/share-link';
import { createShare, fetchSharedConversation, listShares, revokeShare } from '@/lib/share/share-requests';
import { copyOfSnapshot } from '@/lib/share/snapshot';
import { useChatStore } from './chat/store';

export interface ShareOptions {
  includeSettings: boolean;
  /** None: the link opens until it is revoked. */
  expiresInDays?: ShareExpiryDays;
}

interface ShareState {
  /** Each conversation's links that still open, newest first, once asked for. */
  links: Record<string, ShareLink[]>;
  /** The link made last, shown with "Copy link" until the dialog closes. */
  created: { conversationId: string; link: ShareLink } | null;
  /** A request is under way: its button is busy. */
  busy: boolean;
  /** What the last request said went wrong; what the user chose stays as it was. */
  error: RillError | null;
  load: (conversationId: string) => Promise<void>;
  /** Makes a link to the conversation as it is on screen now. */
  create: (conversationId: string, options: ShareOptions) => Promise<void>;
  revoke: (conversationId: string, shareId: string) => Promise<void>;
  /** Copies the shared conversation into this browser's chats; the copy's id, or undefined (with `error`) when it could not. */
  continueInMyChats: (shareId: string) => Promise<string | undefined>;
  /** The dialog closed: its link and error go; the lists stay. */
  close: () => void;
}

/** Share links: the owner's, in the Share dialog, and a reader's "Continue in my chats". */
export const useShareStore = create<ShareState>()((set, get) => {
  /** Runs one request with the busy flag and error set around it; the data, or undefined when it failed. */
  const attempt = async <T>(request: () => Promise<{ ok: true; data: T } | { ok: false; error: RillError }>): Promise<{ data: T } | undefined> => {
    set({ busy: true, error: null });
    const result = await request();
    set({ busy: false, error: result.ok ? null : result.error });
    return result.ok ? { data: result.data } : undefined;
  };
  const setLinks = (conversationId: string, update: (links: ShareLink[]) => ShareLink[]) =>
    set((state) => ({ links: { ...state.links, [conversationId]: update(state.links[conversationId] ?? []) } }));

  return {
    links: {},
    created: null,
    busy: false,
    error: null,

    load: async (conversationId) => {
      const listed = await attempt(() => listShares(conversationId));
      if (listed) setLinks(conversationId, () => listed.data.links);
    },

    create: async (conversationId, { includeSettings, expiresInDays }) => {
      const conversation = useChatStore.getState().conversations[conversationId];
      if (!conversation || get().busy) return;
      const made = await attempt(() => createShare({ conversation, includeSettings, ...(expiresInDays ? { expiresInDays } : {}) }));
      if (!made) return;
      const { link } = made.data;
      set({ created: { conversationId, link } });
      setLinks(conversationId, (links) => [link, ...links.filter((other) => other.id !== link.id)]);
    },

    revoke: async (conversationId, shareId) => {
      if (!(await attempt(() => revokeShare(shareId)))) return;
      setLinks(conversationId, (links) => links.filter((link) => link.id !== shareId));
      if (get().created?.link.id === shareId) set({ created: null });
    },

    continueInMyChats: async (shareId) => {
      if (get().busy) return undefined;
      const read = await attempt(() => fetchSharedConversation(shareId));
      if (!read) return undefined;
      // This browser's chats first: importing into a store not yet read from storage would write over them.
      await useChatStore.persist.rehydrate();
      const copy = copyOfSnapshot(read.data.share.conversation, { newId: () => crypto.randomUUID(), now: Date.now() });
      useChatStore.getState().importConversations([copy]);
      return copy.id;
    },

    close: () => set({ created: null, error: null }),
  };
});
