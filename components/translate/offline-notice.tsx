'use client';

import { useModelInfo } from '@/lib/stores/models';

/** With no model connected, say up front what the translator can and cannot do. */
export function OfflineNotice() {
  const offline = useModelInfo((s) => s.data?.mode === 'offline');
  if (!offline) return null;
  return (
    <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
      <strong className="font-semibold">Offline demo:</strong> no translation model is connected. Only a few built-in phrases (hello, thank you, good
      morning…) in English, German, French, Spanish, Italian and Japanese are translated; other text gets a note instead. Set{' '}
      <code>OPENAI_API_KEY</code> or <code>OPENAI_BASE_URL</code> to translate anything.
    </p>
  );
}
