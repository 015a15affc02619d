'use client';

import { useEffect, useMemo } from 'react';
import { errorTitle } from '@/lib/errors';
import { errorKinds, usageRows } from '@/lib/usage/usage-rows';
import { useUsage } from '@/lib/stores/usage';
import { CacheChart } from './cache-chart';
import { ErrorsChart } from './errors-chart';
import { LatencyChart } from './latency-chart';
import { RequestsChart } from './requests-chart';
import { TokensChart } from './tokens-chart';
import { UsageFreshness } from './usage-freshness';
import { UsageStats } from './usage-stats';

const refreshMs = 5_000;

export function UsageDashboard() {
  const snapshot = useUsage((s) => s.snapshot);
  const error = useUsage((s) => s.error);
  const refresh = useUsage((s) => s.refresh);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      // A hidden tab need not poll; it catches up on the next tick after it is shown again.
      if (!document.hidden) void refresh();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [refresh]);

  const rows = useMemo(() => (snapshot ? usageRows(snapshot) : []), [snapshot]);
  const kinds = useMemo(() => (snapshot ? errorKinds(snapshot) : []), [snapshot]);

  return (
    <div className="mx-auto w-full max-w-6xl flex-1 overflow-y-auto px-3 py-4 text-zinc-900 sm:px-6 sm:py-6 dark:text-zinc-100 [--chart-tooltip-bg:#ffffff] [--chart-tooltip-border:#e4e4e7] [--chart-tooltip-text:#18181b] dark:[--chart-tooltip-bg:#18181b] dark:[--chart-tooltip-border:#3f3f46] dark:[--chart-tooltip-text:#f4f4f5]">
      <header className="mb-4 flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Usage</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This server, last hour. Counts and timings only, never prompts or answers.
          </p>
        </div>
        <UsageFreshness />
      </header>

      {error && (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <span className="font-medium">{errorTitle(error)}.</span> {error.message}
        </p>
      )}

      {snapshot ? (
        <div className="flex flex-col gap-3">
          <UsageStats snapshot={snapshot} />
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            <RequestsChart rows={rows} />
            <TokensChart rows={rows} />
            <LatencyChart rows={rows} />
            <ErrorsChart rows={rows} kinds={kinds} />
            <CacheChart rows={rows} />
          </div>
        </div>
      ) : (
        !error && <p className="py-12 text-center text-sm text-zinc-500 dark:text-zinc-400">Loading usage…</p>
      )}
    </div>
  );
}
