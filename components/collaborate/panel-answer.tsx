'use client';

import { errorTitle } from '@/lib/errors';
import { emptyRunStream, type PanelRun } from '@/lib/collaborate/panel';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { PanelFigures } from './panel-figures';

/** A run's text as it streams, its figures, and how it ended. Only this re-renders on each token. */
export function PanelAnswer({ run, number, onRetry }: { run: PanelRun; number: number; onRetry: () => void }) {
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
        className="max-h-80 min-h-10 overflow-y-auto rounded-lg bg-zinc-50 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap break-words dark:bg-zinc-950/60"
      >
        {stream.text}
        {streaming && <span className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-zinc-400 align-middle" aria-hidden />}
        {!stream.text && streaming && <span className="text-zinc-500 dark:text-zinc-400">Waiting for the first token…</span>}
        {!stream.text && !streaming && <span className="text-zinc-500 dark:text-zinc-400">No answer.</span>}
        {run.status === 'stopped' && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">Stopped</span>}
      </div>
      {(streaming || stream.chunks > 0) && <PanelFigures run={run} stream={stream} number={number} />}
      {run.status === 'error' && run.error && (
        <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-red-800 dark:text-red-200">{errorTitle(run.error)}</p>
            <p className="text-red-700 dark:text-red-300">{run.error.message}</p>
          </div>
          <button type="button" onClick={onRetry} aria-label={`Retry prompt ${number}`} className="rounded-md bg-red-600 px-3 py-1 text-sm font-medium text-white hover:bg-red-700">
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
