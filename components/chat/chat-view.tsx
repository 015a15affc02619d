'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '@/lib/chat/types';
import { useAccount } from '@/lib/stores/account';
import { startHistorySync } from '@/lib/stores/chat/history-sync';
import { useChatStore } from '@/lib/stores/chat/store';
import { AnswerAnnouncer } from './answer-announcer';
import { ChatSidebar } from './chat-sidebar';
import { ChatToolbar } from './chat-toolbar';
import { Composer, focusComposer, MESSAGE_BOX_ID } from './composer';
import { preloadMarkdown } from './markdown';
import { MessageList } from './message-list';
import { HistoryNotice } from './history-notice';
import { StorageAlert } from './storage-alert';

/** The whole chat page: sidebar (a drawer on phones), toolbar, messages and composer. */
export function ChatView() {
  const router = useRouter();
  // Read from the path, not the route params: a new conversation's URL is set natively (below),
  // which Next.js reflects in the pathname but not in params.
  const conversationId = conversationIdFrom(usePathname());
  const [hydrated, setHydrated] = useState(false);
  // The drawer is open for the conversation it was opened over: opening another one closes it.
  const [drawerOpenOver, setDrawerOpenOver] = useState<string | undefined | null>(null);
  const drawerOpen = drawerOpenOver !== null && drawerOpenOver === conversationId;
  const setDrawerOpen = useCallback((open: boolean) => setDrawerOpenOver(open ? conversationId : null), [conversationId]);
  const exists = useChatStore((s) => (conversationId ? conversationId in s.conversations : false));

  useEffect(() => {
    let stopSync: (() => void) | undefined;
    let left = false;
    void Promise.resolve(useChatStore.persist.rehydrate()).then(() => {
      setHydrated(true);
      useChatStore.getState().resumeInterrupted();
      // The browser's chats show at once; the server's copies follow in the background.
      if (!left) stopSync = startHistorySync(useChatStore, { onSignedOut: useAccount.getState().endSession });
    });
    return () => {
      left = true;
      stopSync?.();
    };
  }, []);

  const newChat = useCallback(() => {
    setDrawerOpenOver(null);
    router.push('/chat');
    focusComposer();
  }, [router]);

  // Not in this browser is not yet missing: the server may have it (another device, cleared storage).
  const historyReady = useChatStore((s) => s.historyReady);
  const missing = hydrated && historyReady && conversationId !== undefined && !exists;
  const activeId = exists ? conversationId : undefined;

  const send = useCallback(
    (text: string, attachments?: Attachment[]) => {
      // The markdown renderer loads with the first question, alongside the request, not while the
      // page loads or the user types: until it is there, the first tokens show as plain text.
      preloadMarkdown();
      const id = useChatStore.getState().send(activeId, text, attachments);
      if (id && id !== activeId) {
        // A new conversation gets its own URL at once (a reload mid-answer must find it), without a
        // round trip to the server: the view is already showing it. Replace, so Back does not
        // return to an empty chat. Next.js keeps its router in step with native history calls.
        window.history.replaceState(null, '', `/chat/${id}`);
      }
      return id !== undefined;
    },
    [activeId],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && useChatStore.getState().stream && !event.defaultPrevented) {
        useChatStore.getState().stop();
        focusComposer();
      }
      // Ctrl/Cmd+Shift+O, as in ChatGPT.
      if (event.key.toLowerCase() === 'o' && event.shiftKey && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        newChat();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [newChat]);

  return (
    <div className="flex min-h-0 flex-1">
      <a
        href={`#${MESSAGE_BOX_ID}`}
        className="sr-only z-50 rounded-md bg-brand px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to the message box
      </a>
      <ChatSidebar activeId={activeId} open={drawerOpen} onClose={() => setDrawerOpen(false)} onNewChat={newChat} ready={hydrated} />
      <div className="flex min-w-0 flex-1 flex-col">
        <ChatToolbar conversationId={activeId} onOpenSidebar={() => setDrawerOpen(true)} onNewChat={newChat} />
        <StorageAlert />
        <HistoryNotice />
        <AnswerAnnouncer />
        {missing ? (
          <div className="m-auto max-w-sm p-6 text-center" role="status">
            <h1 className="text-lg font-semibold">Conversation not found</h1>
            <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">It may have been deleted, or saved in another browser.</p>
            <button type="button" onClick={newChat} className="mt-4 rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white">
              Start a new chat
            </button>
          </div>
        ) : (
          <>
            <MessageList key={activeId ?? 'new'} conversationId={activeId} ready={hydrated} onPrompt={send} />
            <Composer onSend={send} conversationId={activeId} />
          </>
        )}
      </div>
    </div>
  );
}

function conversationIdFrom(pathname: string): string | undefined {
  const match = /^\/chat\/([^/]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
