import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ClosedLink } from '@/components/share/closed-link';
import { SharedConversationView } from '@/components/share/shared-conversation-view';
import { shareClosedMessages } from '@/lib/share/share-link';
import { readShare } from '@/lib/share/server/share-routes';

type SharePageProps = { params: Promise<{ id: string }> };

// The title and the page ask once between them.
const readOnce = cache((id: string) => readShare(id));

const titles = { ok: '', revoked: 'Link revoked', expired: 'Link expired', missing: 'Not found', unavailable: 'Shared conversation' } as const;

export async function generateMetadata({ params }: SharePageProps): Promise<Metadata> {
  const read = await readOnce((await params).id);
  // A link is for whoever was sent it: never for search engines.
  return { title: read.status === 'ok' ? read.share.conversation.title : titles[read.status], robots: { index: false, follow: false } };
}

/** A shared conversation, read-only; or why the link shows none. */
export default async function SharePage({ params }: SharePageProps) {
  const read = await readOnce((await params).id);
  if (read.status === 'missing') notFound();
  if (read.status === 'unavailable') return <ClosedLink message="This shared conversation could not be loaded just now." hint="Try again in a moment." />;
  if (read.status !== 'ok') return <ClosedLink message={shareClosedMessages[read.status]} hint="Ask whoever sent it for a new link if you still need it." />;
  return <SharedConversationView share={read.share} />;
}
