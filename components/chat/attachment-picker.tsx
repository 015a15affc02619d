'use client';

import { useId, type ChangeEvent } from 'react';
import { PaperclipIcon } from './icons';

/**
 * The paperclip: a visually hidden file input (named "Attach files", reached by Tab like any
 * control) under a label drawn as a button, so the one control is both what is seen and what a
 * screen reader or the keyboard uses.
 */
export function AttachmentPicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same file again (after removing it) is a change too.
    event.target.value = '';
    onFiles(files);
  };
  return (
    <>
      <input id={id} type="file" multiple aria-label="Attach files" onChange={onChange} className="peer sr-only" />
      <label
        htmlFor={id}
        title="Attach files (or drop or paste them)"
        className="flex h-10 w-10 shrink-0 cursor-pointer items-center justify-center rounded-xl text-zinc-600 hover:bg-zinc-100 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-brand dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <PaperclipIcon />
      </label>
    </>
  );
}
