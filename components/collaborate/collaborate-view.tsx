'use client';

import { useEffect } from 'react';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { ComparePrompt } from './compare-prompt';
import { CollaborateToolbar } from './collaborate-toolbar';
import { Notice } from './notice';
import { PanelGrid } from './panel-grid';
import { RoomBar } from './room-bar';
import { RunsSummary } from './runs-summary';

/** /collaborate (prompts run from this browser) or /collaborate/<room> (a shared room, run on the server). */
export function CollaborateView({ roomId }: { roomId?: string }) {
  const enterRoom = useCollaborateStore((s) => s.enterRoom);
  const compare = useCollaborateStore((s) => s.board.mode === 'compare');
  const roomState = useCollaborateStore((s) => (roomId === undefined ? 'none' : s.room?.id === roomId ? s.room.status.kind : 'connecting'));
  const joining = roomState === 'connecting';

  useEffect(() => (roomId ? enterRoom(roomId) : undefined), [roomId, enterRoom]);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Collaborate</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {roomId
              ? 'A shared room: everyone with the link sees these prompts and their answers live, and can run their own.'
              : 'Run several prompts at once and watch them stream side by side, or compare models on one prompt. Share to work on them together.'}
          </p>
        </div>
        <CollaborateToolbar />
        {roomId && <RoomBar roomId={roomId} />}
        <Notice />
        {roomState !== 'failed' && (
          <>
            {compare && !joining && <ComparePrompt />}
            <PanelGrid joining={joining} />
            <RunsSummary />
          </>
        )}
      </div>
    </div>
  );
}
