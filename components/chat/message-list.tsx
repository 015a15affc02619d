'use client';

import { startTransition, useEffect, useState } from 'react';
import { useStickToBottom } from 'use-stick-to-bottom';
import { useShallow } from 'zustand/react/shallow';
import { useChatStore } from '@/lib/stores/chat/store';
import { EmptyState } from './empty-state';
import { MessageItem } from './message-item';
import { useScrollToMatch } from './use-scroll-to-match';

/** Messages shown at once when a conversation opens; the older ones follow without blocking the page. */
const FIRST_SHOWN = 30;

/**
 * Subscribes to the message ids only: a streamed token re-renders the one message it belongs to
 * (each item selects its own message), never the list. Items are keyed by id, so what belongs to a
 * message on screen (an open editor, a translation) stays with that message when others come and go.
 */
export function MessageList({ conversationId, ready, onPrompt }: { conversationId: string | undefined; ready: boolean; onPrompt: (text: string) => void }) {
  const ids = useChatStore(useShallow((s) => (conversationId ? (s.conversations[conversationId]?.messages.map((message) => message.id) ?? noMessages) : noMessages)));
  // Only a scroll up by the user lets go of the bottom; content growing, shrinking or being laid out
  // again above the viewport never does (use-stick-to-bottom tells its own scrolls from the user's).
  // Opening a search match lets go too, to show that message (use-scroll-to-match.ts).
  const { scrollRef, contentRef, isAtBottom, scrollToBottom, stopScroll } = useStickToBottom({ initial: 'instant', resize: 'instant' });
  const shownFrom = useProgressiveStart(ids.length);
  useScrollToMatch({ conversationId, ids, shownFrom, scrollRef, contentRef, stopScroll });

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto">
        {ready && ids.length === 0 && <EmptyState onPrompt={onPrompt} />}
        <ol ref={contentRef} aria-label="Messages" className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-3 py-4 sm:px-4">
          {conversationId &&
            ids.slice(shownFrom).map((id, offset) => {
              const index = shownFrom + offset;
              return <MessageItem key={id} conversationId={conversationId} messageId={id} index={index} />;
            })}
        </ol>
      </div>
      {!isAtBottom && ids.length > 0 && (
        <button
          type="button"
          onClick={() => void scrollToBottom('smooth')}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-200 bg-white px-3 py-1.5 text-sm shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          ↓ Jump to latest
        </button>
      )}
    </div>
  );
}

/**
 * Which message the list starts at: the newest FIRST_SHOWN when a long conversation opens, then all
 * of them, rendered as a transition React can interrupt, so opening 500 messages is never one long
 * task. (The list is mounted afresh for each conversation.)
 */
function useProgressiveStart(count: number): number {
  const [all, setAll] = useState(false);
  const waiting = !all && count > FIRST_SHOWN;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => startTransition(() => setAll(true)), 0);
    return () => clearTimeout(timer);
  }, [waiting]);
  return waiting ? count - FIRST_SHOWN : 0;
}

const noMessages: string[] = [];
