'use client';

import { useId, useState, type FormEvent } from 'react';
import { MAX_PROMPT_NAME_CHARS, MAX_PROMPT_TEXT_CHARS } from '@/lib/prompts/saved-prompt';
import type { PromptFields } from '@/lib/stores/prompts';

const field = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-950';

/** The form that adds a prompt or edits one: a name and the text the `/` menu inserts. */
export function PromptEditor({ initial, title, onSave, onCancel }: { initial: PromptFields; title: string; onSave: (fields: PromptFields) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial.name);
  const [text, setText] = useState(initial.text);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here rather than by the browser's own bubbles, so the message is read out and stays.
    if (!name.trim()) return setProblem('Give the prompt a name.');
    if (!text.trim()) return setProblem('Write the text the prompt inserts.');
    onSave({ name: name.trim(), text });
  };

  return (
    <form onSubmit={submit} aria-label={title} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Name</span>
        <input className={field} value={name} maxLength={MAX_PROMPT_NAME_CHARS} onChange={(event) => setName(event.target.value)} autoFocus aria-describedby={problem ? problemId : undefined} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Prompt text</span>
        <textarea className={`${field} max-h-64 min-h-24 [field-sizing:content]`} value={text} maxLength={MAX_PROMPT_TEXT_CHARS} onChange={(event) => setText(event.target.value)} aria-describedby={problem ? problemId : undefined} />
      </label>
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Cancel
        </button>
        <button type="submit" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white">
          Save prompt
        </button>
      </div>
    </form>
  );
}
