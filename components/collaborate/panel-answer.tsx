'use client';

import { useState } from 'react';
import { AnswerError } from '@/components/chat/answer-error';
import { Markdown } from '@/components/chat/markdown';
import { CopyButton } from '@/components/ui/copy-button';
import { emptyRunStream, type PanelRun } from '@/lib/collaborate/panel';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { PanelFigures } from './panel-figures';

const action =
  'rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-60 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';

/** A run's answer as it streams (Markdown, like Chat's), its figures, how it ended, and what can be done with it. */
export function PanelAnswer({ panelId, run, number, onRetry }: { panelId: string; run: PanelRun; number: number; onRetry: () => void }) {
  const stream = useCollaborateStore((s) => s.streams[run.id]) ?? emptyRunStream;
  const streaming = run.status === 'streaming';
  return (
    <div className="flex flex-col gap-2">
      <div
        role="region"
        aria-label={`Answer ${number}`}
        aria-busy={streaming}
        data-status={run.status}
        tabIndex={0}
        className="max-h-96 min-h-10 overflow-y-auto rounded-lg bg-zinc-50 px-3 py-2 text-sm leading-relaxed break-words dark:bg-zinc-950/60"
      >
        {stream.text && <Markdown text={stream.text} streaming={streaming} />}
        {streaming && <span className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-zinc-400 align-middle" aria-hidden />}
        {!stream.text && streaming && <span className="text-zinc-600 dark:text-zinc-400">Waiting for the first token…</span>}
        {!stream.text && !streaming && <span className="text-zinc-600 dark:text-zinc-400">No answer.</span>}
        {run.status === 'stopped' && <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">Stopped</span>}
      </div>
      {(streaming || stream.chunks > 0) && <PanelFigures run={run} stream={stream} number={number} />}
      {run.status === 'error' && run.error && <AnswerError error={run.error} onRetry={onRetry} retryLabel={`Retry prompt ${number}`} />}
      {!streaming && stream.text && (
        <div role="group" aria-label={`Answer ${number} actions`} className="flex flex-wrap gap-0.5">
          <CopyButton text={stream.text} label={`Copy answer ${number}`} className={action} />
          <OpenInChat panelId={panelId} number={number} />
        </div>
      )}
    </div>
  );
}

function OpenInChat({ panelId, number }: { panelId: string; number: number }) {
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    const conversationId = await useCollaborateStore.getState().openInChat(panelId);
    if (!conversationId) return setOpening(false);
    // A full load: leaving the page writes the new conversation to this browser's storage, where Chat reads it.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- router.push would open the chat before the copy is stored
    window.location.assign(`/chat/${encodeURIComponent(conversationId)}`);
  };
  return (
    <button type="button" onClick={() => void open()} disabled={opening} aria-label={`Open in Chat: answer ${number}`} className={action}>
      {opening ? 'Opening…' : 'Open in Chat'}
    </button>
  );
}
