'use client';

import { useEffect } from 'react';
import { CollaborateTabs } from '@/components/collaborate/collaborate-tabs';
import { RefusalNotice } from '@/components/ui/refusal-notice';
import { oneModelNote } from '@/lib/arena/contestant';
import { useArenaStore } from '@/lib/stores/arena';
import { useModelChoices } from '@/lib/stores/models';
import { ArenaPane } from './arena-pane';
import { ArenaPrompt } from './arena-prompt';
import { VoteBar } from './vote-bar';

/** /arena: one prompt, two anonymous answers side by side, a vote, then the names. */
export function ArenaView() {
  const battleNote = useArenaStore((s) => s.battle?.note);
  const hasBattle = useArenaStore((s) => s.battle !== null);
  const notice = useArenaStore((s) => s.notice);
  const dismissNotice = useArenaStore((s) => s.dismissNotice);
  // Said before the first battle too, from the list the model picker uses.
  const oneModel = useModelChoices((s) => s.data !== null && s.data.models.length < 2);
  const loadModels = useModelChoices((s) => s.load);
  useEffect(() => void loadModels(), [loadModels]);
  const note = battleNote ?? (oneModel ? oneModelNote : undefined);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
        <CollaborateTabs />
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Arena</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            One prompt goes to two models drawn at random. Their names stay hidden until you vote; your vote moves the leaderboard.
          </p>
        </div>
        {note && (
          <p role="note" className="rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100">
            {note}
          </p>
        )}
        <ArenaPrompt />
        {/* The prompt stays in its box whatever was refused. */}
        <RefusalNotice notice={notice} onDismiss={dismissNotice} />
        {hasBattle && (
          <>
            <div className="grid gap-3 md:grid-cols-2">
              <ArenaPane side="a" />
              <ArenaPane side="b" />
            </div>
            <VoteBar />
          </>
        )}
      </div>
    </div>
  );
}
