'use client';

import { useState } from 'react';
import { errorTitle } from '@/lib/errors';
import { useShareStore } from '@/lib/stores/share';

/** Copies the shared conversation into the reader's own chats, and opens the copy there. */
export function ContinueInMyChats({ shareId }: { shareId: string }) {
  const busy = useShareStore((s) => s.busy);
  const error = useShareStore((s) => s.error);
  const [leaving, setLeaving] = useState(false);

  const continueHere = async () => {
    const id = await useShareStore.getState().continueInMyChats(shareId);
    if (!id) return;
    setLeaving(true);
    // A full load rather than a client-side one: leaving the page writes the copy to this browser's
    // storage (the chat store writes on a timer, and at once when the page goes), where the chat reads it.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- router.push would open the chat before the copy is stored
    window.location.assign(`/chat/${encodeURIComponent(id)}`);
  };

  return (
    <div className="flex flex-col items-start gap-2">
      <button type="button" disabled={busy || leaving} onClick={() => void continueHere()} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-50">
        {leaving ? 'Opening your copy…' : 'Continue in my chats'}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorTitle(error)}: {error.message}
        </p>
      )}
    </div>
  );
}
