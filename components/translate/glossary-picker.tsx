'use client';

import { useMemo } from 'react';
import { chosenGlossary, glossariesFor } from '@/lib/translate/glossary';
import { useGlossaries } from '@/lib/stores/glossaries';
import { useTranslator } from '@/lib/stores/translator';

/** "Glossary: none / <name>", offering only glossaries for the current language pair, and the manager. */
export function GlossaryPicker() {
  const source = useTranslator((s) => s.source);
  const target = useTranslator((s) => s.target);
  const glossaryId = useTranslator((s) => s.glossaryId);
  const setGlossary = useTranslator((s) => s.setGlossary);
  const glossaries = useGlossaries((s) => s.glossaries);
  const openManager = useGlossaries((s) => s.openManager);
  const fitting = useMemo(() => glossariesFor(glossaries, source, target), [glossaries, source, target]);
  const chosen = chosenGlossary(glossaries, glossaryId, source, target);

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="glossary-picker" className="text-zinc-600 dark:text-zinc-400">
        Glossary
      </label>
      <select
        id="glossary-picker"
        value={chosen?.id ?? ''}
        onChange={(event) => setGlossary(event.target.value || null)}
        className="max-w-[14rem] rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value="">None</option>
        {fitting.map((glossary) => (
          <option key={glossary.id} value={glossary.id}>
            {glossary.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={openManager} className="rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
        Glossaries…
      </button>
    </div>
  );
}
