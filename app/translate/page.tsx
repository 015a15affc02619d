import type { Metadata } from 'next';
import { TranslatorView } from '@/components/translate/translator-view';

export const metadata: Metadata = { title: 'Translate' };

export default function TranslatePage() {
  return <TranslatorView />;
}
