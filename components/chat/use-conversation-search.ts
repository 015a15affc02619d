'use client';

import { useEffect, useMemo, useState } from 'react';
import type { ConversationSearch, SearchResults } from '@/lib/chat/conversation-search';
import { useChatStore } from '@/lib/stores/chat/store';

/**
 * The conversations matching `query`, or null when it is blank (or the index is still loading).
 * Only while there is a query does this follow the conversations (a streamed token then re-indexes
 * that one message). The index and MiniSearch load with the first search, not with the page, which
 * keeps them out of the chat's first-load JavaScript; the index is built then too.
 */
export function useConversationSearch(query: string): SearchResults | null {
  const [index, setIndex] = useState<ConversationSearch | null>(null);
  const searching = query.trim() !== '';
  useEffect(() => {
    if (!searching || index) return;
    let cancelled = false;
    void import('@/lib/chat/conversation-search').then(({ ConversationSearch }) => cancelled || setIndex(new ConversationSearch()));
    return () => {
      cancelled = true;
    };
  }, [searching, index]);
  const conversations = useChatStore((s) => (searching && index ? s.conversations : null));
  return useMemo(() => (conversations && index ? index.search(conversations, query) : null), [index, conversations, query]);
}
