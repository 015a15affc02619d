'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConversationSearch, SearchResults } from '@/lib/chat/conversation-search';
import { useChatStore } from '@/lib/stores/chat/store';

/** Indexing work per task: short enough that typing and streaming stay smooth while it builds. */
const SLICE_MS = 8;

export interface ConversationSearchState {
  /** The conversations matching the query; null when it is blank or the index is not built yet. */
  results: SearchResults | null;
  /** A query is waiting for the index. */
  indexing: boolean;
  /** The search code could not load (the network dropped, a redeploy removed its chunk). */
  failed: boolean;
  /** Starts building the index ahead of the first query (when the search box gets focus). */
  prepare: () => void;
}

/**
 * Search over the chat store's conversations. MiniSearch and the index load on the first
 * `prepare` or query, not with the page (the chat's first-load JavaScript is over its budget), and
 * the index is built in slices between frames, not in one long task. Once built, it follows the
 * conversations only while there is a query: a streamed token then re-indexes that one message.
 */
export function useConversationSearch(query: string): ConversationSearchState {
  const [index, setIndex] = useState<ConversationSearch | null>(null);
  const [wanted, setWanted] = useState(false);
  const [failed, setFailed] = useState(false);
  const searching = query.trim() !== '';
  const start = wanted || searching;

  useEffect(() => {
    if (!start || index || failed) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void import('@/lib/chat/conversation-search').then(({ ConversationSearch }) => {
      const building = new ConversationSearch();
      const slice = () => {
        if (cancelled) return;
        if (building.catchUp(useChatStore.getState().conversations, SLICE_MS)) setIndex(building);
        else timer = setTimeout(slice, 0);
      };
      slice();
    }, () => cancelled || setFailed(true));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [start, index, failed]);

  const conversations = useChatStore((s) => (searching && index ? s.conversations : null));
  const results = useMemo(() => (conversations && index ? index.search(conversations, query) : null), [index, conversations, query]);
  const prepare = useCallback(() => setWanted(true), []);
  return { results, indexing: searching && !index && !failed, failed: searching && failed, prepare };
}
