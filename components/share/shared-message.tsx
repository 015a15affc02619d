import { Markdown } from '@/components/chat/markdown';
import { MessageReasoning } from '@/components/chat/message-reasoning';
import type { ChatMessage } from '@/lib/chat/types';
import { errorTitle } from '@/lib/errors';

/** One message of a shared conversation, read-only: as the chat shows it, without its actions. */
export function SharedMessage({ message }: { message: ChatMessage }) {
  const isUser = message.role === 'user';
  return (
    <li aria-label={isUser ? 'You said' : 'Rill answered'} className={`flex flex-col ${isUser ? 'items-end' : 'items-stretch'}`}>
      {message.reasoning && <MessageReasoning reasoning={message.reasoning} thinking={false} reasoningMs={message.metadata?.reasoningMs} />}
      <div data-testid={`message-${message.role}`} className={`flex min-w-0 flex-col ${isUser ? 'w-full items-end' : ''}`}>
        {isUser ? (
          <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-bubble bg-zinc-100 px-4 py-2.5 leading-relaxed dark:bg-zinc-800">{message.text}</div>
        ) : (
          message.text && (
            <div className="min-w-0">
              <Markdown text={message.text} streaming={false} />
            </div>
          )
        )}
        {message.attachments && message.attachments.length > 0 && (
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">Attached (not shared): {message.attachments.map((attachment) => attachment.name).join(', ')}</p>
        )}
        {message.status === 'stopped' && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">Stopped</p>}
        {message.status === 'error' && message.error && (
          <p className="mt-1 text-xs text-red-700 dark:text-red-300">
            {errorTitle(message.error)}: {message.error.message}
          </p>
        )}
      </div>
    </li>
  );
}
