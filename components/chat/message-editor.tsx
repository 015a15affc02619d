'use client';

import { useState, type KeyboardEvent } from 'react';

/** Edits a sent message in place; submitting replaces it and everything after it. */
export function MessageEditor({ initialText, onSubmit, onCancel }: { initialText: string; onSubmit: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initialText);
  const submit = () => text.trim() && onSubmit(text);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <div className="w-full max-w-[85%] rounded-bubble bg-zinc-100 p-3 dark:bg-zinc-800">
      <textarea
        aria-label="Edit message"
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="max-h-72 min-h-16 w-full resize-none bg-transparent leading-relaxed outline-none [field-sizing:content]"
      />
      <div className="mt-2 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1.5 text-sm hover:bg-zinc-200 dark:hover:bg-zinc-700">
          Cancel
        </button>
        <button type="button" onClick={submit} disabled={!text.trim()} className="rounded-lg bg-brand px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40">
          Submit edit
        </button>
      </div>
    </div>
  );
}
