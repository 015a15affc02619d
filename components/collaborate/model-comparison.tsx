'use client';

import { lazy, memo, Suspense, useId } from 'react';
import { formatMs, formatRate } from '@/lib/collaborate/figures';
import { modelFigures } from '@/lib/collaborate/run-log';
import { useCollaborateStore } from '@/lib/stores/collaborate';

// The chart library loads only once a run has finished, not with the page.
const ModelSpeedChart = lazy(() => import('./model-speed-chart'));

/**
 * Per model, the median figures of every answer this page saw finish. Memoised: the summary around
 * it re-renders with each token, this only when the log gains a run.
 */
export const ModelComparison = memo(function ModelComparison() {
  const runLog = useCollaborateStore((s) => s.runLog);
  const headingId = useId();
  const models = modelFigures(runLog);
  return (
    <div>
      <h3 id={headingId} className="text-sm font-semibold">
        By model
      </h3>
      <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">Medians over the answers this page finished. Speed counts answer tokens from the first to the last, thinking left out.</p>
      <div className="grid items-start gap-3 md:grid-cols-2">
        <table aria-labelledby={headingId} className="w-full text-sm">
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-2 text-left font-normal">Model</th>
              <th scope="col" className="px-2 py-1 text-right font-normal">Runs</th>
              <th scope="col" className="px-2 py-1 text-right font-normal">Median first token</th>
              <th scope="col" className="py-1 pl-2 text-right font-normal">Median speed</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {models.map(({ model, runs, medianTtftMs, medianTokensPerSecond }) => (
              <tr key={model} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-2 text-left font-medium">
                  {/* A block inside the cell, since a table cell ignores max-width: long model names end in "…". */}
                  <div className="max-w-[9rem] truncate sm:max-w-[16rem]" title={model}>
                    {model}
                  </div>
                </th>
                <td className="px-2 py-1 text-right">{runs}</td>
                <td className="px-2 py-1 text-right">{formatMs(medianTtftMs)}</td>
                <td className="py-1 pl-2 text-right">{formatRate(medianTokensPerSecond)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={null}>
          <ModelSpeedChart models={models} />
        </Suspense>
      </div>
    </div>
  );
});
