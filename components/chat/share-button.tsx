'use client';

import { lazy, Suspense, useRef, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';

// Loaded when first opened: most chats are never shared, and /chat's first load is on a budget.
const ShareDialog = lazy(() => import('./share-dialog').then((module) => ({ default: module.ShareDialog })));

/** "Share", for a conversation with something in it to share; the focus comes back here when its dialog closes. */
export function ShareButton({ conversationId, className }: { conversationId: string; className: string }) {
  const hasMessages = useChatStore((s) => (s.conversations[conversationId]?.messages.length ?? 0) > 0);
  const [open, setOpen] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);
  if (!hasMessages) return null;
  return (
    <>
      <button ref={shareButton} type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" className={className}>
        Share
      </button>
      {open && (
        <Suspense>
          <ShareDialog
            conversationId={conversationId}
            onClose={() => {
              setOpen(false);
              shareButton.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
