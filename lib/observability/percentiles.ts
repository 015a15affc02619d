import type { LatencyPercentiles } from '@/lib/usage/usage-snapshot';

/** Nearest-rank percentiles of `samples`, or null when there are none. */
export function latencyPercentiles(samples: readonly number[]): LatencyPercentiles | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
