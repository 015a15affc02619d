'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (the browser's own: it keeps the focus inside and closes on Esc), shown while `open`;
 * closed, the focus goes back where it was. Its content is rendered only while it is open.
 */
export function ModalDialog({ open, onClose, labelledBy, children }: { open: boolean; onClose: () => void; labelledBy: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onClose={() => {
        onClose();
        // Chromium has put the focus back already, but a text box refocused that way takes no typing
        // (seen in Chromium 156): focused anew, it does.
        opener.current?.blur();
        opener.current?.focus();
      }}
      // Esc is the dialog's: the page's own Esc (stop the answer) does not hear it.
      onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
      className="m-auto max-h-[85vh] w-[min(40rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && children}
    </dialog>
  );
}
