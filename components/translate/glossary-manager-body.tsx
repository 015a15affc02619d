'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import { languageName, type LanguageCode } from '@/lib/translate/languages';
import { useGlossaries } from '@/lib/stores/glossaries';
import { knownSourceLanguage, useTranslator } from '@/lib/stores/translator';
import { GlossaryEditor } from './glossary-editor';

// The file format loads on first use, not with the page.
const loadGlossaryFile = () => import('@/lib/translate/glossary-file');

const button = 'rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';

/** A new glossary's languages: the translator's pair, with a detected (or else English) source. */
function currentPair(): { source: LanguageCode; target: LanguageCode } {
  const state = useTranslator.getState();
  const source = knownSourceLanguage(state) ?? (state.target === 'en' ? 'de' : 'en');
  return { source, target: state.target };
}

/** What the manager dialog holds: the list, or one glossary's editor. */
export default function GlossaryManagerBody({ onClose }: { onClose: () => void }) {
  const glossaries = useGlossaries((s) => s.glossaries);
  const maxGlossaries = useGlossaries((s) => s.limits?.maxGlossaries);
  const syncNotice = useGlossaries((s) => s.syncNotice);
  const { add, remove } = useGlossaries.getState();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const editing = glossaries.find((glossary) => glossary.id === editingId);
  const full = maxGlossaries !== undefined && glossaries.length >= maxGlossaries;

  const backToList = () => {
    setEditingId(null);
    requestAnimationFrame(() => newButton.current?.focus());
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { describeRead, formatOf, parseGlossaryFile } = await loadGlossaryFile();
    const text = await file.text();
    const read = parseGlossaryFile(text, formatOf(file.name, text), useGlossaries.getState().limits?.maxTerms ?? Number.POSITIVE_INFINITY);
    if (read.entries.length === 0) return setNotice({ kind: 'error', text: `Nothing imported from ${file.name}. ${describeRead(read)}` });
    const pair = read.languages ?? currentPair();
    const name = file.name.replace(/\.(csv|tsv|txt)$/i, '') || 'Imported glossary';
    add({ name, ...pair, entries: read.entries });
    setNotice({ kind: 'ok', text: `Imported “${name}” (${languageName(pair.source)} → ${languageName(pair.target)}). ${describeRead(read)}` });
  };

  return (
    <div className="flex flex-col gap-4 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="glossary-manager-title" className="text-base font-semibold">
          Glossaries
        </h2>
        <button type="button" onClick={onClose} className={button}>
          Close
        </button>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A glossary fixes how terms are translated between two languages. Choose one next to the languages; terms the translation does not use are pointed out.
      </p>
      {syncNotice && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {syncNotice}
        </p>
      )}
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`text-sm ${notice.kind === 'error' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
          {notice.text}
        </p>
      )}

      {editing ? (
        <GlossaryEditor key={editing.id} glossary={editing} onDone={backToList} />
      ) : (
        <>
          <div className="flex flex-wrap gap-1">
            <button
              ref={newButton}
              type="button"
              disabled={full}
              onClick={() => setEditingId(add({ name: 'New glossary', ...currentPair(), entries: [{ source: '', target: '' }] }).id)}
              className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white disabled:bg-zinc-200 disabled:text-zinc-600 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-300"
            >
              New glossary
            </button>
            <button type="button" disabled={full} className={button} onClick={() => fileInput.current?.click()}>
              Import CSV/TSV…
            </button>
            <input ref={fileInput} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" aria-label="Import glossary file" className="hidden" onChange={(event) => void onFile(event)} />
          </div>
          {full && <p className="text-sm text-zinc-600 dark:text-zinc-400">This server keeps at most {maxGlossaries} glossaries: delete one to add another.</p>}
          <section aria-labelledby="my-glossaries-title" className="flex flex-col gap-1">
            <h3 id="my-glossaries-title" className="text-sm font-semibold">
              My glossaries
            </h3>
            {glossaries.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet. Make one, or import a CSV or TSV file (DeepL&apos;s format: one “source,target” per line).</p>}
            <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
              {glossaries.map((glossary) => (
                <li key={glossary.id} className="flex items-center gap-2 py-1.5">
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{glossary.name}</p>
                    <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                      {languageName(glossary.source)} → {languageName(glossary.target)} · {glossary.entries.length} term{glossary.entries.length === 1 ? '' : 's'}
                    </p>
                  </div>
                  <button type="button" aria-label={`Edit ${glossary.name}`} onClick={() => setEditingId(glossary.id)} className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${glossary.name}`}
                    onClick={() => {
                      remove(glossary.id);
                      requestAnimationFrame(() => newButton.current?.focus());
                    }}
                    className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
