import type { Metadata } from 'next';
import { CollaborateView } from '@/components/collaborate/collaborate-view';

export const metadata: Metadata = { title: 'Collaborate' };

export default function CollaboratePage() {
  return <CollaborateView />;
}
