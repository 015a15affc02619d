'use client';

import { useMemo, useState } from 'react';
import { ConversationSearch, type SearchResults } from '@/lib/chat/conversation-search';
import { useChatStore } from '@/lib/stores/chat/store';

/**
 * The conversations matching `query`, or null when it is blank. Only while there is a query does
 * this follow the conversations (a streamed token then re-indexes that one message); the index is
 * built on the first search, not when the page loads.
 */
export function useConversationSearch(query: string): SearchResults | null {
  const [index] = useState(() => new ConversationSearch());
  const searching = query.trim() !== '';
  const conversations = useChatStore((s) => (searching ? s.conversations : null));
  return useMemo(() => (conversations ? index.search(conversations, query) : null), [index, conversations, query]);
}
