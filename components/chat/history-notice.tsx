'use client';

import Link from 'next/link';
import { useAccount } from '@/lib/stores/account';
import { useChatStore } from '@/lib/stores/chat/store';

/** Says when the server's copy of the chats is behind this browser's: nothing is lost, it is only not saved there yet. */
export function HistoryNotice() {
  const notice = useChatStore((s) => s.historyNotice);
  const sessionEnded = useAccount((s) => s.sessionEnded);
  if (!notice) return null;
  return (
    <p role="status" data-testid="history-notice" className="mx-3 mt-3 rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
      {notice}
      {sessionEnded && (
        <>
          {' '}
          <Link href="/account" className="font-medium text-brand-dark underline underline-offset-2 dark:text-brand-light">
            Sign in
          </Link>
        </>
      )}
    </p>
  );
}
