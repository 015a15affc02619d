'use client';

import { useChatStore } from '@/lib/stores/chat/store';

export function StorageAlert() {
  const storageError = useChatStore((s) => s.storageError);
  const dismiss = useChatStore((s) => s.dismissStorageError);
  if (!storageError) return null;
  return (
    <div role="alert" className="mx-3 mt-3 flex items-start gap-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
      <p className="flex-1">{storageError}</p>
      <button type="button" onClick={dismiss} aria-label="Dismiss storage warning" className="rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900/50">
        ✕
      </button>
    </div>
  );
}
