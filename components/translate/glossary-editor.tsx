'use client';

import { useRef, useState } from 'react';
import { downloadFile } from '@/components/chat/download-file';
import { MAX_GLOSSARY_NAME_CHARS, MAX_GLOSSARY_TERM_CHARS, type Glossary, type GlossaryEntry } from '@/lib/translate/glossary';
import { isLanguageCode, languages } from '@/lib/translate/languages';
import { useGlossaries } from '@/lib/stores/glossaries';

const field = 'w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';
const button = 'rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';

/**
 * One glossary's name, languages and terms, each change kept at once. Rows carry keys of their own
 * (terms have no id), so removing one row never moves another's text or focus.
 */
export function GlossaryEditor({ glossary, onDone }: { glossary: Glossary; onDone: () => void }) {
  const update = useGlossaries((s) => s.update);
  const maxTerms = useGlossaries((s) => s.limits?.maxTerms);
  const [keys, setKeys] = useState(() => glossary.entries.map(() => crypto.randomUUID()));
  const table = useRef<HTMLTableSectionElement>(null);
  const full = maxTerms !== undefined && glossary.entries.length >= maxTerms;

  const setEntries = (entries: GlossaryEntry[]) => update(glossary.id, { entries });
  const editRow = (index: number, patch: Partial<GlossaryEntry>) => setEntries(glossary.entries.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)));
  const addRow = () => {
    setKeys([...keys, crypto.randomUUID()]);
    setEntries([...glossary.entries, { source: '', target: '' }]);
    requestAnimationFrame(() => table.current?.querySelector<HTMLInputElement>('tr:last-child input')?.focus());
  };
  const removeRow = (index: number) => {
    setKeys(keys.filter((_, at) => at !== index));
    setEntries(glossary.entries.filter((_, at) => at !== index));
  };
  const exportAs = async (format: 'csv' | 'tsv') => {
    const { glossaryFileName, glossaryToFile } = await import('@/lib/translate/glossary-file');
    const complete = { ...glossary, entries: glossary.entries.filter((entry) => entry.source.trim() && entry.target.trim()) };
    downloadFile(glossaryFileName(glossary.name, format), glossaryToFile(complete, format), format === 'csv' ? 'text/csv' : 'text/tab-separated-values');
  };

  return (
    <section aria-labelledby="glossary-editor-title" className="flex flex-col gap-3">
      <h3 id="glossary-editor-title" className="text-sm font-semibold">
        Edit glossary
      </h3>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input value={glossary.name} maxLength={MAX_GLOSSARY_NAME_CHARS} onChange={(event) => update(glossary.id, { name: event.target.value })} className={field} />
      </label>
      <div className="grid grid-cols-2 gap-2">
        {(['source', 'target'] as const).map((role) => (
          <label key={role} className="flex flex-col gap-1 text-sm">
            {role === 'source' ? 'From' : 'Into'}
            <select value={glossary[role]} onChange={(event) => isLanguageCode(event.target.value) && update(glossary.id, { [role]: event.target.value })} className={field}>
              {languages.map((language) => (
                <option key={language.code} value={language.code}>
                  {language.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <table className="w-full table-fixed border-separate border-spacing-y-1 text-sm">
        <caption className="text-left text-sm font-semibold">Terms ({glossary.entries.length}{maxTerms !== undefined ? ` of at most ${maxTerms}` : ''})</caption>
        <thead>
          <tr className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="font-medium">Source term</th>
            <th scope="col" className="pl-2 font-medium">Target term</th>
            <th scope="col" className="w-20">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody ref={table}>
          {glossary.entries.map((entry, index) => (
            <tr key={keys[index] ?? index}>
              <td>
                <input aria-label={`Source term ${index + 1}`} value={entry.source} maxLength={MAX_GLOSSARY_TERM_CHARS} onChange={(event) => editRow(index, { source: event.target.value })} className={field} />
              </td>
              <td className="pl-2">
                <input aria-label={`Target term ${index + 1}`} value={entry.target} maxLength={MAX_GLOSSARY_TERM_CHARS} onChange={(event) => editRow(index, { target: event.target.value })} className={field} />
              </td>
              <td className="text-right">
                <button type="button" aria-label={`Remove term ${index + 1}`} onClick={() => removeRow(index)} className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-1">
        <button type="button" disabled={full} onClick={addRow} className={button}>
          Add term
        </button>
        <button type="button" onClick={() => void exportAs('csv')} className={button}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('tsv')} className={button}>
          Export TSV
        </button>
        <button type="button" onClick={onDone} className="ml-auto rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white">
          Done
        </button>
      </div>
    </section>
  );
}
