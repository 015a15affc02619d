import { OfflineNotice as Notice } from '@/components/layout/offline-notice';

/** With no model connected, say up front what the translator can and cannot do. */
export function OfflineNotice() {
  return (
    <Notice>
      no translation model is connected. Only a few built-in phrases (hello, thank you, good morning…) in English, German, French, Spanish, Italian and
      Japanese are translated; other text gets a note instead. Set <code>OPENAI_API_KEY</code> or <code>OPENAI_BASE_URL</code> to translate anything.
    </Notice>
  );
}
