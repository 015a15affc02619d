'use client';

import { useShallow } from 'zustand/react/shallow';
import { useChatStore } from '@/lib/stores/chat/store';
import { EmptyState } from './empty-state';
import { MessageItem } from './message-item';
import { useStickToBottom } from './use-stick-to-bottom';

/**
 * Subscribes to the message ids only: a streamed token re-renders the one message it belongs to
 * (each item selects its own message), never the list. Items are keyed by id, so what belongs to a
 * message on screen (an open editor, a translation) stays with that message when others come and go.
 */
export function MessageList({ conversationId, ready, onPrompt }: { conversationId: string | undefined; ready: boolean; onPrompt: (text: string) => void }) {
  const ids = useChatStore(useShallow((s) => (conversationId ? (s.conversations[conversationId]?.messages.map((message) => message.id) ?? noMessages) : noMessages)));
  const count = ids.length;
  const { scrollRef, contentRef, following, jumpToLatest } = useStickToBottom(conversationId);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto">
        {ready && count === 0 && <EmptyState onPrompt={onPrompt} />}
        <ol ref={contentRef} aria-label="Messages" className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-3 py-4 sm:px-4">
          {conversationId &&
            ids.map((id, index) => <MessageItem key={id} conversationId={conversationId} messageId={id} index={index} isLast={index === count - 1} />)}
        </ol>
      </div>
      {!following && count > 0 && (
        <button
          type="button"
          onClick={jumpToLatest}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-200 bg-white px-3 py-1.5 text-sm shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          ↓ Jump to latest
        </button>
      )}
    </div>
  );
}

const noMessages: string[] = [];
