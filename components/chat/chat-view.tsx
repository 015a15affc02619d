'use client';

import { useEffect, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat';
import { Composer } from './composer';
import { MessageList } from './message-list';

export function ChatView() {
  const [hydrated, setHydrated] = useState(false);
  const storageError = useChatStore((s) => s.storageError);

  useEffect(() => {
    void Promise.resolve(useChatStore.persist.rehydrate()).then(() => setHydrated(true));
  }, []);

  return (
    <div className="mx-auto flex min-h-0 w-full max-w-3xl flex-1 flex-col">
      {storageError && (
        <p role="alert" className="m-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
          {storageError}
        </p>
      )}
      <MessageList ready={hydrated} />
      <Composer />
    </div>
  );
}
