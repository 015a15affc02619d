'use client';

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Attachment } from '@/lib/chat/types';
import { useChatStore } from '@/lib/stores/chat/store';
import { AttachmentChips, AttachmentNotice } from './attachment-chips';
import { AttachmentDropZone } from './attachment-drop-zone';
import { AttachmentPicker } from './attachment-picker';
import { PromptMenu } from './prompt-menu';
import { useDraftAttachments } from './use-attachments';
import { usePromptMenu } from './use-prompt-menu';

/** The message box's id: the chat page's skip link leads here. */
export const MESSAGE_BOX_ID = 'chat-input';

/** Puts the caret back in the message box (after sending, stopping, starting a new chat). */
export function focusComposer() {
  requestAnimationFrame(() => document.getElementById(MESSAGE_BOX_ID)?.focus());
}

/** `onSend` says whether the message went out; the text (and its files) are kept when it did not. */
export function Composer({ onSend, conversationId }: { onSend: (text: string, attachments: Attachment[]) => boolean; conversationId?: string }) {
  const [text, setText] = useState('');
  const files = useDraftAttachments(conversationId);
  const empty = !text.trim() && files.files.length === 0;
  const streaming = useChatStore((s) => s.stream !== null);
  const stop = useChatStore((s) => s.stop);
  const box = useRef<HTMLTextAreaElement>(null);
  const promptMenu = usePromptMenu({ text, setText, box });
  // The box takes the focus as the page opens, but not from a control that has it: the Undo offered
  // after deleting the open chat, which brings the empty chat's box back.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) box.current?.focus();
  }, []);

  // While an answer streams the box stays editable (write the next message); only sending waits.
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (streaming || empty || files.blocked) return;
    if (!onSend(text, files.attachments)) return;
    setText('');
    files.clear();
    focusComposer();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (promptMenu.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4">
      <AttachmentDropZone onFiles={files.add} />
      <AttachmentNotice />
      <AttachmentChips files={files.files} onRemove={files.remove} />
      <div className="relative flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-brand dark:border-zinc-700 dark:bg-zinc-900">
        {promptMenu.open && <PromptMenu menu={promptMenu} />}
        <AttachmentPicker onFiles={(picked) => void files.add(picked)} />
        <textarea
          ref={box}
          id={MESSAGE_BOX_ID}
          aria-label="Message"
          {...promptMenu.comboboxProps}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={files.onPaste}
          rows={1}
          placeholder="Message Rill"
          aria-describedby="composer-hint"
          className="max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 outline-none [field-sizing:content]"
        />
        {/* Distinct keys: reusing one <button> would let a click on Stop finish as a click on Send
            (the answer stops within the click, and a submit button then submits the draft). */}
        {streaming ? (
          <button
            key="stop"
            type="button"
            onClick={() => {
              stop();
              focusComposer();
            }}
            title="Stop (Esc)"
            className="rounded-xl bg-zinc-800 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-200 dark:text-zinc-900"
          >
            Stop
          </button>
        ) : (
          <button
            key="send"
            type="submit"
            disabled={empty || files.blocked !== undefined}
            aria-describedby={files.blocked ? 'composer-blocked' : undefined}
            className="rounded-xl bg-brand px-4 py-2 text-sm font-medium text-white disabled:bg-zinc-200 disabled:text-zinc-600 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-300"
          >
            Send
          </button>
        )}
      </div>
      {files.blocked && (
        <p id="composer-blocked" className="mt-1.5 text-center text-xs text-zinc-600 dark:text-zinc-400">
          {files.blocked}
        </p>
      )}
      <p id="composer-hint" className="mt-1.5 hidden text-center text-xs text-zinc-500 sm:block dark:text-zinc-400">
        Enter to send · Shift+Enter for a new line · / for saved prompts · Esc to stop · Ctrl+Shift+O for a new chat
      </p>
    </form>
  );
}
