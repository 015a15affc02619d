'use client';

import { lazy, Suspense } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { useGlossaries } from '@/lib/stores/glossaries';

// The manager loads when first opened: most translations never open it, and /translate's first load is on a budget.
const GlossaryManagerBody = lazy(() => import('./glossary-manager-body'));

/** "Glossaries…": create, rename, edit, delete, import and export the user's glossaries. */
export function GlossaryManager() {
  const open = useGlossaries((s) => s.managerOpen);
  const closeManager = useGlossaries((s) => s.closeManager);
  return (
    <ModalDialog open={open} onClose={closeManager} labelledBy="glossary-manager-title">
      <Suspense fallback={<p className="p-4 text-sm">Loading glossaries…</p>}>
        <GlossaryManagerBody onClose={closeManager} />
      </Suspense>
    </ModalDialog>
  );
}
