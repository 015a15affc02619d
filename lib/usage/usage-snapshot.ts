import type { RillErrorCode } from '@/lib/errors';

/**
 * What `/api/usage` returns: the last hour of this server's traffic in one-minute buckets. Plain data
 * shared by the server (which fills it) and the usage page (which draws it).
 */
export interface UsageBucket {
  /** Start of the minute, ms since the epoch. */
  start: number;
  requests: number;
  errors: Partial<Record<RillErrorCode, number>>;
  inputTokens: number;
  outputTokens: number;
  /** Time to first token percentiles in ms; null when no answer started in that minute. */
  ttft: LatencyPercentiles | null;
  cacheHits: number;
  cacheMisses: number;
  coalesced: number;
}

export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface UsageSnapshot {
  now: number;
  bucketMs: number;
  /** Oldest first, one per minute of the window, empty minutes included. */
  buckets: UsageBucket[];
  totals: Omit<UsageBucket, 'start'>;
  activeStreams: number;
  /** When this process started counting: a window shorter than an hour means a recent restart. */
  since: number;
}

/** Share of answers that did not need a fresh upstream call, or null when there were none. */
export function cacheHitRate({ cacheHits, cacheMisses, coalesced }: Pick<UsageBucket, 'cacheHits' | 'cacheMisses' | 'coalesced'>): number | null {
  const answers = cacheHits + cacheMisses + coalesced;
  return answers === 0 ? null : cacheHits / answers;
}

export function errorCount(errors: UsageBucket['errors']): number {
  return Object.values(errors).reduce((sum, n) => sum + (n ?? 0), 0);
}

/** Whether two snapshots show the same traffic (they differ at least in `now`): redrawing can be skipped. */
export function sameTraffic(a: UsageSnapshot | null, b: UsageSnapshot): boolean {
  if (!a) return false;
  return a.activeStreams === b.activeStreams && JSON.stringify([a.buckets, a.totals]) === JSON.stringify([b.buckets, b.totals]);
}
