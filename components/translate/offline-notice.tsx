'use client';

import { OfflineNotice as Notice } from '@/components/layout/offline-notice';
import { useModelInfo } from '@/lib/stores/models';

/** With no model connected, say up front what the translator can and cannot do. */
export function OfflineNotice() {
  const offline = useModelInfo((s) => s.data?.mode === 'offline');
  if (!offline) return null;
  return (
    <Notice>
      no translation model is connected. Only a few built-in phrases (hello, thank you, good morning…) in English, German, French, Spanish, Italian and
      Japanese are translated; other text gets a note instead. Set <code>OPENAI_API_KEY</code> or <code>OPENAI_BASE_URL</code> to translate anything.
    </Notice>
  );
}
