import type { ReactNode } from 'react';
import { ChatView } from '@/components/chat/chat-view';

/**
 * The chat lives in the layout so that moving between /chat and /chat/<id> (a first message gets
 * its URL; the sidebar switches conversations) keeps one mounted view: no remount mid-answer.
 */
export default function ChatLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ChatView />
      {children}
    </>
  );
}
