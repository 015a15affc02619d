import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CollaborateView } from '@/components/collaborate/collaborate-view';
import { rillConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Shared room · Collaborate', robots: { index: false } };

export default async function CollaborateRoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  await connection();
  return <CollaborateView roomId={roomId} offline={rillConfig().model.mode === 'offline'} />;
}
