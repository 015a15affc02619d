import { create } from 'zustand';

/** A search result the user opened: the message list scrolls to it, the message marks its words. */
export interface OpenedMatch {
  conversationId: string;
  messageId: string;
  /** Normalised words, as conversation search reports them. */
  terms: string[];
}

interface SearchMatchState {
  /** A new object each time a result is opened, so opening the same one again scrolls to it again. */
  opened: OpenedMatch | null;
  open: (match: OpenedMatch) => void;
  /**
   * A conversation's messages are on screen (undefined: a new chat): a match opened in another one
   * is let go. Called when the list mounts rather than when it unmounts, which React's strict mode
   * also does once on the way in.
   */
  showing: (conversationId: string | undefined) => void;
}

export const useSearchMatch = create<SearchMatchState>()((set) => ({
  opened: null,
  open: (match) => set({ opened: match }),
  showing: (conversationId) => set((s) => (s.opened && s.opened.conversationId !== conversationId ? { opened: null } : s)),
}));
