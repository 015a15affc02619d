'use client';

import { tones, type Tone } from '@/lib/translate/limits';
import { useTranslator } from '@/lib/stores/translator';

const labels: Record<Tone, string> = { default: 'Default', formal: 'Formal', informal: 'Informal' };

/** Formality as a radio group: arrow keys move between the choices, as with any radio group. */
export function TonePicker() {
  const tone = useTranslator((s) => s.tone);
  const setTone = useTranslator((s) => s.setTone);
  return (
    <fieldset className="flex items-center gap-2 text-sm">
      <legend className="sr-only">Tone</legend>
      <span aria-hidden className="text-zinc-500 dark:text-zinc-400">
        Tone
      </span>
      <div className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
        {tones.map((choice) => (
          <label
            key={choice}
            className="cursor-pointer rounded-md px-2.5 py-1 text-zinc-600 has-[:checked]:bg-white has-[:checked]:font-medium has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand dark:text-zinc-300 dark:has-[:checked]:bg-zinc-950 dark:has-[:checked]:text-zinc-100"
          >
            <input type="radio" name="tone" value={choice} checked={tone === choice} onChange={() => setTone(choice)} className="sr-only" />
            {labels[choice]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
