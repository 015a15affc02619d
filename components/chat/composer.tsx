'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useChatStore } from '@/lib/stores/chat';

export function Composer() {
  const [text, setText] = useState('');
  const streaming = useChatStore((s) => s.stream !== null);
  const send = useChatStore((s) => s.send);
  const stop = useChatStore((s) => s.stop);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (streaming || !text.trim()) return;
    send(text);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 focus-within:border-brand dark:border-zinc-700 dark:bg-zinc-900">
        <textarea
          aria-label="Message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          placeholder="Message Rill"
          className="max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 outline-none [field-sizing:content]"
        />
        {streaming ? (
          <button type="button" onClick={stop} className="rounded-xl bg-zinc-800 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-200 dark:text-zinc-900">
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!text.trim()} className="rounded-xl bg-brand px-4 py-2 text-sm font-medium text-white disabled:opacity-40">
            Send
          </button>
        )}
      </div>
    </form>
  );
}
