'use client';

import { useState, type DragEvent } from 'react';
import { humanSize } from '@/lib/attachments/sizes';
import { useDocumentTranslator } from '@/lib/stores/document-translator';
import { DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PARAGRAPHS } from '@/lib/translate/document-file';

/** A real, labelled file input (keyboard and screen readers use it as is); dropping a file on it is extra. */
export function DocumentPicker() {
  const pick = useDocumentTranslator((s) => s.pick);
  const reading = useDocumentTranslator((s) => s.reading);
  const problem = useDocumentTranslator((s) => s.problem);
  const name = useDocumentTranslator((s) => s.document?.name);
  const close = useDocumentTranslator((s) => s.close);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void pick(file);
  };

  return (
    <div>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-start gap-x-4 gap-y-2 rounded-xl sm:flex-row sm:items-center border-2 border-dashed px-4 py-4 ${dragging ? 'border-brand bg-brand/5' : 'border-zinc-300 dark:border-zinc-700'}`}
      >
        <label className="cursor-pointer rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand has-[:focus-visible]:ring-offset-2 dark:ring-offset-zinc-950">
          {name ? 'Choose another document' : 'Choose a document'}
          <input
            type="file"
            accept={DOCUMENT_ACCEPT}
            aria-label="Document to translate"
            aria-describedby="document-rules"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void pick(file);
              event.target.value = '';
            }}
          />
        </label>
        <div id="document-rules" className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
          <p className="font-medium break-all text-zinc-800 dark:text-zinc-200">{reading ? 'Reading the document…' : (name ?? 'Or drop one here.')}</p>
          <p>
            A .txt, .md, .docx or .pdf file of up to {humanSize(MAX_DOCUMENT_BYTES)} and {MAX_DOCUMENT_PARAGRAPHS} paragraphs; code blocks are kept as they are.
          </p>
        </div>
        {name && (
          <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            Close document
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {problem}
        </p>
      )}
    </div>
  );
}
