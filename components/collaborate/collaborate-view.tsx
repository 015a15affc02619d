'use client';

import { useEffect } from 'react';
import { OfflineNotice } from '@/components/layout/offline-notice';
import { RefusalNotice } from '@/components/ui/refusal-notice';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { CollaborateTabs } from './collaborate-tabs';
import { ComparePrompt } from './compare-prompt';
import { CollaborateToolbar } from './collaborate-toolbar';
import { PanelGrid } from './panel-grid';
import { RoomBar } from './room-bar';
import { RoomUnavailable } from './room-unavailable';
import { RunsSummary } from './runs-summary';

/**
 * /collaborate (prompts run from this browser, kept across reloads) or /collaborate/<room> (a shared
 * room, run on the server). `offline`: no model is connected, which the page says from its first paint.
 */
export function CollaborateView({ roomId, offline }: { roomId?: string; offline: boolean }) {
  const enterRoom = useCollaborateStore((s) => s.enterRoom);
  const restorePage = useCollaborateStore((s) => s.restorePage);
  const notice = useCollaborateStore((s) => s.notice);
  const dismissNotice = useCollaborateStore((s) => s.dismissNotice);
  const compare = useCollaborateStore((s) => s.board.mode === 'compare');
  const roomState = useCollaborateStore((s) => (roomId === undefined ? 'none' : s.room?.id === roomId ? s.room.status : { kind: 'connecting' as const }));
  const joining = roomState !== 'none' && roomState.kind === 'connecting';

  useEffect(() => (roomId ? enterRoom(roomId) : restorePage()), [roomId, enterRoom, restorePage]);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
        {roomState !== 'none' && roomState.kind === 'failed' ? (
          <RoomUnavailable error={roomState.error} />
        ) : (
          <>
            <CollaborateTabs />
            <div>
              <h1 className="text-xl font-semibold tracking-tight">Collaborate</h1>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {roomId
                  ? 'A shared room: everyone with the link sees these prompts and their answers live, and can run their own.'
                  : 'Run several prompts at once and watch them stream side by side, or compare models on one prompt. Share to work on them together.'}
              </p>
            </div>
            {offline && (
              <OfflineNotice>
                no model is connected, so every panel is answered by the built-in demo model, which streams a short reply about your prompt. Set{' '}
                <code>OPENAI_API_KEY</code> or <code>OPENAI_BASE_URL</code> to compare real models.
              </OfflineNotice>
            )}
            <CollaborateToolbar />
            {roomId && <RoomBar roomId={roomId} />}
            <RefusalNotice notice={notice} onDismiss={dismissNotice} />
            {compare && !joining && <ComparePrompt />}
            <PanelGrid joining={joining} />
            <RunsSummary />
          </>
        )}
      </div>
    </div>
  );
}
