import type { RillErrorCode } from '@/lib/errors';
import { cacheHitRate, type UsageSnapshot } from './usage-snapshot';

/** One minute as the charts plot it: flat fields, percentages, nulls where nothing was measured. */
export interface UsageRow {
  start: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Percent of answers served from the cache; null in a minute without answers. */
  cacheHitPercent: number | null;
  errors: Partial<Record<RillErrorCode, number>>;
}

export function usageRows(snapshot: UsageSnapshot): UsageRow[] {
  return snapshot.buckets.map((bucket) => {
    const hitRate = cacheHitRate(bucket);
    return {
      start: bucket.start,
      requests: bucket.requests,
      inputTokens: bucket.inputTokens,
      outputTokens: bucket.outputTokens,
      p50: bucket.ttft?.p50 ?? null,
      p95: bucket.ttft?.p95 ?? null,
      p99: bucket.ttft?.p99 ?? null,
      cacheHitPercent: hitRate === null ? null : Math.round(hitRate * 1000) / 10,
      errors: bucket.errors,
    };
  });
}

/** The error kinds seen in the window, most frequent first: one stacked series each. */
export function errorKinds(snapshot: UsageSnapshot): RillErrorCode[] {
  return (Object.entries(snapshot.totals.errors) as [RillErrorCode, number][]).sort((a, b) => b[1] - a[1]).map(([code]) => code);
}
