'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';
import { focusConversationRow, undoWantsFocus } from './delete-focus';

const SHOWN_MS = 8_000;

/** After a delete: a few seconds to take it back. */
export function UndoDelete() {
  const router = useRouter();
  const deleted = useChatStore((s) => s.deleted);
  const undoRemove = useChatStore((s) => s.undoRemove);
  const undo = useRef<HTMLButtonElement>(null);
  // The offer lapses for the deletion it was made for; a newer deletion gets its own.
  const [lapsed, setLapsed] = useState<typeof deleted>(null);
  // ...but not while it has the focus: a keyboard or screen reader user may need more than a glance.
  const [heldFor, setHeldFor] = useState<typeof deleted>(null);
  const held = deleted !== null && heldFor === deleted;

  useEffect(() => {
    if (!deleted || held) return;
    const timer = setTimeout(() => setLapsed(deleted), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [deleted, held]);

  // The deleted row took the focus with it: it lands on Undo, not on the page's body. A frame later,
  // so the message box of the empty chat that replaces a deleted open one does not take it back.
  useEffect(() => {
    if (!deleted) return;
    const frame = requestAnimationFrame(() => {
      if (undoWantsFocus(deleted)) undo.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [deleted]);

  if (!deleted || lapsed === deleted) return null;
  return (
    <div
      role="status"
      onFocus={() => setHeldFor(deleted)}
      onBlur={() => setHeldFor(null)}
      className="mx-3 mb-2 flex items-center gap-2 rounded-lg bg-zinc-800 px-3 py-2 text-sm text-white dark:bg-zinc-200 dark:text-zinc-900"
    >
      <span className="min-w-0 flex-1 truncate">Deleted “{deleted.title}”</span>
      {/* brand-dark, not brand, on the light toast of the dark theme: brand is 4.2:1 on zinc-200, under AA. */}
      <button
        ref={undo}
        type="button"
        className="font-semibold text-brand-light underline dark:text-brand-dark"
        onClick={() => {
          const id = undoRemove();
          if (!id) return;
          focusConversationRow(id);
          router.push(`/chat/${id}`);
        }}
      >
        Undo
      </button>
    </div>
  );
}
