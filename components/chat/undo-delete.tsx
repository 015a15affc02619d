'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';

const SHOWN_MS = 8_000;

/** After a delete: a few seconds to take it back. */
export function UndoDelete() {
  const router = useRouter();
  const deleted = useChatStore((s) => s.deleted);
  const undoRemove = useChatStore((s) => s.undoRemove);
  // The offer lapses for the deletion it was made for; a newer deletion gets its own.
  const [lapsed, setLapsed] = useState<typeof deleted>(null);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setLapsed(deleted), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  if (!deleted || lapsed === deleted) return null;
  return (
    <div role="status" className="mx-3 mb-2 flex items-center gap-2 rounded-lg bg-zinc-800 px-3 py-2 text-sm text-white dark:bg-zinc-200 dark:text-zinc-900">
      <span className="min-w-0 flex-1 truncate">Deleted “{deleted.title}”</span>
      <button
        type="button"
        className="font-semibold text-brand-light underline dark:text-brand"
        onClick={() => {
          const id = undoRemove();
          if (id) router.push(`/chat/${id}`);
        }}
      >
        Undo
      </button>
    </div>
  );
}
