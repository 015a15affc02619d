'use client';

import { useRef, useState, type ReactNode } from 'react';
import { builtInPrompts } from '@/lib/prompts/built-in-prompts';
import type { SavedPrompt } from '@/lib/prompts/saved-prompt';
import { usePrompts, type PromptFields } from '@/lib/stores/prompts';
import { PromptEditor } from './prompt-editor';
import { PromptTransfer } from './prompt-transfer';

type Editing = { id?: string; fields: PromptFields } | null;

/** The manager's content: the saved prompts, their editor, and import/export. */
export default function PromptManagerBody({ onClose }: { onClose: () => void }) {
  const prompts = usePrompts((s) => s.prompts);
  const maxSaved = usePrompts((s) => s.maxSaved);
  const syncNotice = usePrompts((s) => s.syncNotice);
  const { add, update, remove } = usePrompts.getState();
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const full = maxSaved !== undefined && prompts.length >= maxSaved;

  /** After the editor closes or a prompt goes, the focus lands on "Add a prompt", not on the page's body. */
  const backToAdd = () => requestAnimationFrame(() => addButton.current?.focus());

  const save = (fields: PromptFields) => {
    if (editing?.id) update(editing.id, fields);
    else add(fields);
    setEditing(null);
    backToAdd();
  };

  return (
    <div className="flex flex-col gap-4 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="prompt-manager-title" className="text-base font-semibold">
          Saved prompts
        </h2>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Close
        </button>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Type / in the message box to insert one. Arrows choose, Enter inserts, Esc closes the list.</p>
      {syncNotice && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {syncNotice}
        </p>
      )}

      {editing ? (
        <PromptEditor
          key={editing.id ?? 'new'}
          title={editing.id ? 'Edit prompt' : 'New prompt'}
          initial={editing.fields}
          onSave={save}
          onCancel={() => {
            setEditing(null);
            backToAdd();
          }}
        />
      ) : (
        <div className="flex flex-col gap-1">
          <button ref={addButton} type="button" disabled={full} onClick={() => setEditing({ fields: { name: '', text: '' } })} className="self-start rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white disabled:bg-zinc-200 disabled:text-zinc-600 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-300">
            Add a prompt
          </button>
          {full && <p className="text-sm text-zinc-600 dark:text-zinc-400">This server keeps at most {maxSaved} prompts: delete one to add another.</p>}
        </div>
      )}

      <section aria-labelledby="my-prompts-title" className="flex flex-col gap-1">
        <h3 id="my-prompts-title" className="text-sm font-semibold">
          My prompts
        </h3>
        {prompts.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet. Add one, or copy a built-in below to change it.</p>}
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {prompts.map((prompt) => (
            <PromptRow key={prompt.id} prompt={prompt}>
              <RowButton label={`Edit ${prompt.name}`} onClick={() => setEditing({ id: prompt.id, fields: { name: prompt.name, text: prompt.text } })}>
                Edit
              </RowButton>
              <RowButton
                label={`Delete ${prompt.name}`}
                onClick={() => {
                  remove(prompt.id);
                  backToAdd();
                }}
              >
                Delete
              </RowButton>
            </PromptRow>
          ))}
        </ul>
      </section>

      <section aria-labelledby="built-in-prompts-title" className="flex flex-col gap-1">
        <h3 id="built-in-prompts-title" className="text-sm font-semibold">
          Built-in
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A prompt of yours with the same name takes a built-in&apos;s place in the menu.</p>
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {builtInPrompts.map((prompt) => (
            <PromptRow key={prompt.id} prompt={prompt}>
              <RowButton label={`Copy ${prompt.name} to my prompts`} disabled={full} onClick={() => setEditing({ fields: { name: prompt.name, text: prompt.text } })}>
                Copy
              </RowButton>
            </PromptRow>
          ))}
        </ul>
      </section>

      <PromptTransfer />
    </div>
  );
}

function PromptRow({ prompt, children }: { prompt: SavedPrompt; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2 py-1.5">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{prompt.name}</p>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{prompt.text.split('\n', 1)[0]}</p>
      </div>
      {children}
    </li>
  );
}

function RowButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="button" aria-label={label} disabled={disabled} onClick={onClick} className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400 dark:text-zinc-300 dark:hover:bg-zinc-800">
      {children}
    </button>
  );
}
