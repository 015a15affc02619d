'use client';

import { useChatStore } from '@/lib/stores/chat';
import { MessageItem } from './message-item';

export function MessageList({ ready }: { ready: boolean }) {
  const activeId = useChatStore((s) => s.activeId);
  const count = useChatStore((s) => (s.activeId ? (s.conversations[s.activeId]?.messages.length ?? 0) : 0));

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-4" aria-live="polite">
      {ready && count === 0 && (
        <div className="mt-16 text-center text-zinc-500 dark:text-zinc-400">
          <h1 className="text-xl font-semibold text-zinc-800 dark:text-zinc-100">What can I help with?</h1>
          <p className="mt-2 text-sm">Answers stream in as they are written.</p>
        </div>
      )}
      <ol className="flex flex-col gap-4">
        {activeId && Array.from({ length: count }, (_, index) => <MessageItem key={index} conversationId={activeId} index={index} />)}
      </ol>
    </div>
  );
}
