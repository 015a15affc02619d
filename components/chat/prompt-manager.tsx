'use client';

import { lazy, Suspense, useEffect } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { usePrompts } from '@/lib/stores/prompts';

// Not in /chat's first load (it is on a budget): fetched once the page is up, before anyone opens it.
const loadBody = () => import('./prompt-manager-body');
const PromptManagerBody = lazy(loadBody);

/**
 * The prompt manager: a modal dialog (the browser's own: it keeps the focus inside and closes on
 * Esc), opened from the settings panel or the `/` menu; closed, the focus goes back where it was.
 * It also brings the saved prompts in when the chat opens.
 */
export function PromptManager() {
  const open = usePrompts((s) => s.managerOpen);
  const closeManager = usePrompts((s) => s.closeManager);

  useEffect(() => {
    void loadBody();
    usePrompts.getState().start();
  }, []);

  return (
    <ModalDialog open={open} onClose={closeManager} labelledBy="prompt-manager-title">
      <Suspense fallback={<p className="p-4 text-sm">Loading saved prompts…</p>}>
        <PromptManagerBody onClose={closeManager} />
      </Suspense>
    </ModalDialog>
  );
}
