'use client';

import { useMemo } from 'react';
import { unhonouredEntries } from '@/lib/translate/glossary';
import type { TranslationResult } from '@/lib/stores/translator';

/** After a translation ends: each glossary term it did not use, said where the user reads the translation. */
export function GlossaryCheck({ result }: { result: TranslationResult }) {
  const missing = useMemo(
    () => (result.status === 'done' && result.job.glossary ? unhonouredEntries(result.job.text, result.text, result.job.glossary) : []),
    [result.status, result.job, result.text],
  );
  // The live region is there before the check fills it, so a screen reader announces what is added.
  return (
    <div role="status" aria-label="Glossary check">
      {missing.length > 0 && (
        <ul className="mt-3 flex flex-col gap-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {missing.map((entry) => (
            <li key={entry.source}>
              Glossary: “<mark className="rounded bg-amber-200 px-0.5 text-amber-950 dark:bg-amber-800 dark:text-amber-50">{entry.target}</mark>” for “{entry.source}” is not in the translation
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
