import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CollaborateView } from '@/components/collaborate/collaborate-view';
import { rillConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Collaborate' };

export default async function CollaboratePage() {
  // Rendered per request, so the offline notice is in the first HTML (no shift when it would arrive later).
  await connection();
  return <CollaborateView offline={rillConfig().model.mode === 'offline'} />;
}
