import { cacheHitRate, errorCount, type UsageSnapshot } from '@/lib/usage/usage-snapshot';
import { shortDuration } from './chart-style';

const number = new Intl.NumberFormat();

/** The hour at a glance, above the charts. */
export function UsageStats({ snapshot }: { snapshot: UsageSnapshot }) {
  const { totals } = snapshot;
  const errors = errorCount(totals.errors);
  const hitRate = cacheHitRate(totals);
  const stats = [
    { label: 'Requests', value: number.format(totals.requests) },
    { label: 'Tokens in / out', value: `${number.format(totals.inputTokens)} / ${number.format(totals.outputTokens)}` },
    { label: 'First token p50 / p95 / p99', value: totals.ttft ? `${shortDuration(totals.ttft.p50)} / ${shortDuration(totals.ttft.p95)} / ${shortDuration(totals.ttft.p99)}` : '—' },
    { label: 'Errors', value: totals.requests ? `${number.format(errors)} (${percent(errors / totals.requests)})` : '0' },
    { label: 'Cache hit rate', value: hitRate === null ? '—' : percent(hitRate) },
    { label: 'Streaming now', value: number.format(snapshot.activeStreams) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {stats.map(({ label, value }) => (
        <div key={label} className="rounded-xl border border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="mt-0.5 text-base font-semibold tabular-nums" data-testid={`usage-${label}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
