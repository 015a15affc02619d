'use client';

import { useChatStore } from '@/lib/stores/chat';
import { MessageError } from './message-error';

export function MessageItem({ conversationId, index }: { conversationId: string; index: number }) {
  const message = useChatStore((s) => s.conversations[conversationId]?.messages[index]);
  const retry = useChatStore((s) => s.retry);
  const busy = useChatStore((s) => s.stream !== null);
  if (!message) return null;

  const isUser = message.role === 'user';
  return (
    <li
      data-testid={`message-${message.role}`}
      data-status={message.status ?? 'done'}
      className={isUser ? 'ml-auto max-w-[85%] rounded-bubble bg-zinc-100 px-4 py-2.5 dark:bg-zinc-800' : 'max-w-full'}
    >
      <div className="whitespace-pre-wrap break-words leading-relaxed">
        {message.text}
        {message.status === 'streaming' && <span className="ml-0.5 inline-block h-4 w-2 animate-pulse bg-zinc-400 align-middle" aria-hidden />}
      </div>
      {message.status === 'stopped' && <p className="mt-1 text-xs text-zinc-500">Stopped</p>}
      {message.status === 'error' && message.error && (
        <MessageError error={message.error} onRetry={() => retry(message.id)} retryDisabled={busy} />
      )}
    </li>
  );
}
