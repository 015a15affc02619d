'use client';

import { memo, useRef, useState } from 'react';
import { versionPosition } from '@/lib/chat/versions';
import { useChatStore } from '@/lib/stores/chat/store';
import { useSearchMatch } from '@/lib/stores/search-match';
import { Markdown } from './markdown';
import { MessageActions } from './message-actions';
import { MessageAttachments } from './message-attachments';
import { MessageEditor } from './message-editor';
import { MessageReasoning } from './message-reasoning';
import { AnswerError } from './answer-error';
import { MessageTranslation } from './message-translation';
import { useSearchHighlight } from './use-search-highlight';
import { useTranslation } from './use-translation';

/** One message: its text (the test id and status mark just that), then its actions and translation. */
export const MessageItem = memo(function MessageItem({ conversationId, messageId, index }: { conversationId: string; messageId: string; index: number }) {
  // `index` is where the message was at the last render: found there in O(1) on every token, searched for only if it moved.
  const message = useChatStore((s) => {
    const messages = s.conversations[conversationId]?.messages;
    const atIndex = messages?.[index];
    return atIndex?.id === messageId ? atIndex : messages?.find((candidate) => candidate.id === messageId);
  });
  const busy = useChatStore((s) => s.stream !== null);
  const regenerate = useChatStore((s) => s.regenerate);
  const editAndResend = useChatStore((s) => s.editAndResend);
  const showVersion = useChatStore((s) => s.showVersion);
  const [editing, setEditing] = useState(false);
  const translation = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const searchMatch = useSearchMatch((s) => (s.opened?.conversationId === conversationId && s.opened.messageId === messageId ? s.opened : null));
  useSearchHighlight(body, searchMatch);
  if (!message) return null;

  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  const trimmed = message.metadata?.trimmedMessages;
  return (
    // content-visibility: a message far from the viewport is not laid out or painted (a long
    // conversation scrolls as lightly as a short one); it stays in the page for find-in-page.
    <li data-message-id={messageId} aria-label={isUser ? 'You said' : 'Rill answered'} className={`group flex flex-col [contain-intrinsic-size:auto_6rem] [content-visibility:auto] ${isUser ? 'items-end' : 'items-stretch'}`}>
      {trimmed ? (
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          {trimmed} older {trimmed === 1 ? 'message was' : 'messages were'} not sent, to fit the model&apos;s context limit.
        </p>
      ) : null}
      {message.attachments?.length ? <MessageAttachments attachments={message.attachments} /> : null}
      {message.reasoning && <MessageReasoning reasoning={message.reasoning} thinking={streaming && !message.text} reasoningMs={message.metadata?.reasoningMs} />}
      <div ref={body} data-testid={`message-${message.role}`} data-status={message.status ?? 'done'} className={`flex min-w-0 flex-col ${isUser ? 'w-full items-end' : ''}`}>
        {editing ? (
          <MessageEditor
            initialText={message.text}
            onCancel={() => setEditing(false)}
            onSubmit={(text) => {
              setEditing(false);
              editAndResend(conversationId, message.id, text);
            }}
          />
        ) : isUser ? (
          <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-bubble bg-zinc-100 px-4 py-2.5 leading-relaxed dark:bg-zinc-800">{message.text}</div>
        ) : (
          <div className="min-w-0">
            {message.text ? (
              <Markdown text={message.text} streaming={streaming} />
            ) : (
              streaming && <span className="inline-block h-4 w-2 animate-pulse bg-zinc-400 align-middle" aria-hidden />
            )}
          </div>
        )}
        {message.status === 'stopped' && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Stopped</p>}
        {message.status === 'error' && message.error && (
          <AnswerError error={message.error} onRetry={() => regenerate(conversationId, message.id)} retryDisabled={busy} />
        )}
      </div>
      {!streaming && !editing && (
        <MessageActions
          role={message.role}
          text={message.text}
          busy={busy}
          // Nothing is lost by regenerating an earlier answer: what followed it stays a version.
          canRegenerate={!isUser && message.status !== 'error'}
          version={versionPosition(message)}
          onShowVersion={(position) => showVersion(conversationId, message.id, position)}
          onEdit={() => setEditing(true)}
          onRegenerate={() => regenerate(conversationId, message.id)}
          onTranslate={(target) => translation.start(message.text, target)}
        />
      )}
      {translation.state && <MessageTranslation state={translation.state} onStop={translation.stop} onRetry={translation.retry} onClose={translation.close} />}
    </li>
  );
});
