import type { Metadata } from 'next';
import { CollaborateView } from '@/components/collaborate/collaborate-view';

export const metadata: Metadata = { title: 'Shared room · Collaborate', robots: { index: false } };

export default async function CollaborateRoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <CollaborateView roomId={roomId} />;
}
