import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Chat' };

/** One conversation, named by the URL; the view itself is the layout's (it reads the id). */
export default function ConversationPage() {
  return null;
}
