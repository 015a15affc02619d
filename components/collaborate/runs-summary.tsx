'use client';

import { useShallow } from 'zustand/react/shallow';
import { formatMs, formatRate } from '@/lib/collaborate/figures';
import { summarizeRuns, type RunsSummary as Summary } from '@/lib/collaborate/summary';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { ModelComparison } from './model-comparison';

/**
 * Once every panel has finished: how the runs went together, and which was quickest. The figures by
 * model cover every run the page finished, so they stay while new runs stream.
 */
export function RunsSummary() {
  const { panels, streams, anyLogged } = useCollaborateStore(useShallow((s) => ({ panels: s.board.panels, streams: s.streams, anyLogged: s.runLog.length > 0 })));
  const summary = summarizeRuns(panels, streams);
  if (!summary && !anyLogged) return null;

  return (
    <section aria-label="Summary" className="rounded-xl border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900/60">
      <h2 className="mb-2 text-sm font-semibold">Summary</h2>
      <div className="divide-y divide-zinc-200 dark:divide-zinc-800 [&>*+*]:mt-3 [&>*+*]:pt-3">
        {summary && <LatestRuns summary={summary} />}
        {anyLogged && <ModelComparison />}
      </div>
    </section>
  );
}

function LatestRuns({ summary }: { summary: Summary }) {
  const outcomes = [`${summary.done} done`, summary.stopped && `${summary.stopped} stopped`, summary.failed && `${summary.failed} failed`].filter(Boolean).join(', ');
  const items = [
    { label: 'Runs', value: `${summary.runs} (${outcomes})` },
    { label: 'Total tokens', value: String(summary.totalTokens) },
    { label: 'Wall time', value: `${formatMs(summary.wallMs)} (one by one: ${formatMs(summary.sequentialMs)})` },
    { label: 'Fastest first token', value: summary.fastestFirstToken ? `${formatMs(summary.fastestFirstToken.ms)} · prompt ${summary.fastestFirstToken.panel}` : '—' },
    { label: 'Fastest speed', value: summary.fastestRate ? `${formatRate(summary.fastestRate.tokensPerSecond)} · prompt ${summary.fastestRate.panel}` : '—' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {items.map(({ label, value }) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
