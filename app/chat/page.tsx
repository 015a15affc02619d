import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Chat' };

/** A new chat; the view itself is the layout's. */
export default function NewChatPage() {
  return null;
}
