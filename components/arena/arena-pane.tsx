'use client';

import { Markdown } from '@/components/chat/markdown';
import type { ArenaSide } from '@/lib/arena/contestant';
import { formatMs, formatRate, runFigures } from '@/lib/collaborate/figures';
import { errorTitle } from '@/lib/errors';
import { useArenaStore } from '@/lib/stores/arena';

const sideLabel: Record<ArenaSide, string> = { a: 'Model A', b: 'Model B' };

/** One side's answer under its blind label, its live figures, and who it was once the vote is in. */
export function ArenaPane({ side }: { side: ArenaSide }) {
  const run = useArenaStore((s) => s.runs[side]);
  const stream = useArenaStore((s) => s.streams[side]);
  const revealed = useArenaStore((s) => s.reveal?.[side]);
  const retry = useArenaStore((s) => s.retry);
  const label = sideLabel[side];
  const streaming = run?.status === 'streaming';
  const figures = run ? runFigures(run, stream) : undefined;

  return (
    <section aria-labelledby={`arena-${side}`} className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={`arena-${side}`} className="text-sm font-semibold">
          {label}
          {revealed && <span className="font-normal text-zinc-600 dark:text-zinc-400">: {revealed.name}</span>}
        </h2>
        {figures && (
          <dl aria-label={`Figures for ${label}`} className="flex gap-3 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            <div className="flex gap-1">
              <dt>First token</dt>
              <dd className="font-medium text-zinc-900 dark:text-zinc-100">{formatMs(figures.ttftMs)}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Speed</dt>
              <dd className="font-medium text-zinc-900 dark:text-zinc-100">{formatRate(figures.tokensPerSecond)}</dd>
            </div>
          </dl>
        )}
      </header>
      <div
        role="region"
        aria-label={`Answer of ${label}`}
        aria-busy={streaming}
        data-status={run?.status ?? 'idle'}
        tabIndex={0}
        className="max-h-[28rem] min-h-24 overflow-y-auto rounded-lg bg-zinc-50 px-3 py-2 text-sm leading-relaxed break-words dark:bg-zinc-950/60"
      >
        {stream.text && <Markdown text={stream.text} streaming={streaming} />}
        {!stream.text && streaming && <span className="text-zinc-500 dark:text-zinc-400">Waiting for the first token…</span>}
        {!stream.text && !run && <span className="text-zinc-500 dark:text-zinc-400">The answer appears here.</span>}
        {!stream.text && run && !streaming && <span className="text-zinc-500 dark:text-zinc-400">No answer.</span>}
        {run?.status === 'stopped' && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">Stopped</span>}
      </div>
      {run?.status === 'error' && run.error && (
        <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-red-800 dark:text-red-200">{errorTitle(run.error)}</p>
            <p className="text-red-700 dark:text-red-300">{run.error.message}</p>
          </div>
          {!revealed && (
            <button type="button" onClick={() => retry(side)} aria-label={`Retry ${label}`} className="rounded-md bg-red-600 px-3 py-1 text-sm font-medium text-white hover:bg-red-700">
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
}
