import type { Metadata } from 'next';
import { connection } from 'next/server';
import { TranslatorView } from '@/components/translate/translator-view';
import { rillConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Translate' };

export default async function TranslatePage() {
  // Rendered per request, so the offline notice is in the first HTML (no shift when it would arrive later).
  await connection();
  return <TranslatorView offline={rillConfig().model.mode === 'offline'} />;
}
