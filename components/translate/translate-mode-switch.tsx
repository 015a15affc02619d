'use client';

export type TranslateMode = 'text' | 'document';

const labels: Record<TranslateMode, string> = { text: 'Text', document: 'Document' };

/** Text or Document, as a radio group (arrow keys move between them), styled like the tone picker. */
export function TranslateModeSwitch({ mode, onChange }: { mode: TranslateMode; onChange: (mode: TranslateMode) => void }) {
  return (
    <fieldset className="flex">
      <legend className="sr-only">Translate</legend>
      <div className="flex rounded-lg bg-zinc-100 p-0.5 text-sm dark:bg-zinc-800">
        {(Object.keys(labels) as TranslateMode[]).map((choice) => (
          <label
            key={choice}
            className="cursor-pointer rounded-md px-3 py-1 text-zinc-600 has-[:checked]:bg-white has-[:checked]:font-medium has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand dark:text-zinc-300 dark:has-[:checked]:bg-zinc-950 dark:has-[:checked]:text-zinc-100"
          >
            <input type="radio" name="translate-mode" value={choice} checked={mode === choice} onChange={() => onChange(choice)} className="sr-only" />
            {labels[choice]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
