'use client';

import { languageName } from '@/lib/translate/languages';
import type { HistoryEntry } from '@/lib/translate/history';
import { useTranslator } from '@/lib/stores/translator';

export function HistoryList() {
  const history = useTranslator((s) => s.history);
  const restore = useTranslator((s) => s.restore);
  const clearHistory = useTranslator((s) => s.clearHistory);
  if (history.length === 0) return null;

  return (
    <section aria-labelledby="translate-history-heading" className="mt-2 xl:mt-0">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="translate-history-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          Recent translations
        </h2>
        <button type="button" onClick={clearHistory} className="rounded-md px-2 py-1 text-sm text-zinc-500 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
          Clear history
        </button>
      </div>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-1">
        {history.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              onClick={() => restore(entry.id)}
              className="w-full rounded-lg border border-zinc-200 px-3 py-2 text-left hover:border-brand hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
            >
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{direction(entry)}</span>
              <span className="block truncate">{entry.text}</span>
              <span className="block truncate text-sm text-zinc-600 dark:text-zinc-400">{entry.translation}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function direction(entry: HistoryEntry): string {
  const from = entry.source === 'auto' ? (entry.detected ? `${languageName(entry.detected)} (detected)` : 'Detected language') : languageName(entry.source);
  const tone = entry.tone === 'default' ? '' : ` · ${entry.tone}`;
  return `${from} → ${languageName(entry.target)}${tone}`;
}
