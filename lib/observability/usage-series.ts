import type { RequestEvent, RequestSummary } from '@/lib/server/request-events';
import { latencyPercentiles } from './percentiles';
import type { UsageBucket, UsageSnapshot } from '@/lib/usage/usage-snapshot';

const minuteMs = 60_000;
const windowMinutes = 60;
/** Per minute, enough samples for a stable p99 while memory stays bounded under any load. */
const maxSamplesPerMinute = 2_000;

interface MinuteTally extends Omit<UsageBucket, 'ttft'> {
  ttftSamples: number[];
  /** Samples offered this minute, for reservoir sampling once the cap is reached. */
  ttftSeen: number;
}

/**
 * The last hour of traffic, in memory, one tally per minute. Per process: on a multi-instance deploy
 * each instance shows its own traffic, which Prometheus (`/api/metrics`) sums across instances.
 */
export class UsageSeries {
  private readonly minutes = new Map<number, MinuteTally>();
  private activeStreams = 0;

  constructor(private readonly since = Date.now()) {}

  record(event: RequestEvent, now = Date.now()): void {
    if (event.type === 'stream-open') this.activeStreams += 1;
    else if (event.type === 'stream-close') this.activeStreams = Math.max(0, this.activeStreams - 1);
    else this.recordRequest(event.summary, now);
  }

  snapshot(now = Date.now()): UsageSnapshot {
    this.forgetBefore(now);
    const current = minuteStart(now);
    const buckets: UsageBucket[] = [];
    for (let start = current - (windowMinutes - 1) * minuteMs; start <= current; start += minuteMs) {
      const tally = this.minutes.get(start);
      buckets.push(toBucket(tally ?? emptyTally(start)));
    }
    const all = emptyTally(0);
    for (const tally of this.minutes.values()) addInto(all, tally);
    const { start: _start, ...totals } = toBucket(all);
    return { now, bucketMs: minuteMs, buckets, totals, activeStreams: this.activeStreams, since: this.since };
  }

  private recordRequest(summary: RequestSummary, now: number) {
    const start = minuteStart(now);
    let tally = this.minutes.get(start);
    if (!tally) {
      this.forgetBefore(now);
      tally = emptyTally(start);
      this.minutes.set(start, tally);
    }
    tally.requests += 1;
    if (summary.errorCode) tally.errors[summary.errorCode] = (tally.errors[summary.errorCode] ?? 0) + 1;
    tally.inputTokens += summary.inputTokens ?? 0;
    tally.outputTokens += summary.outputTokens ?? 0;
    if (summary.source === 'cache') tally.cacheHits += 1;
    if (summary.source === 'upstream' && summary.status < 400) tally.cacheMisses += 1;
    if (summary.source === 'coalesced') tally.coalesced += 1;
    if (summary.ttftMs !== undefined) addSample(tally, summary.ttftMs);
  }

  private forgetBefore(now: number) {
    const oldest = minuteStart(now) - (windowMinutes - 1) * minuteMs;
    for (const start of this.minutes.keys()) if (start < oldest) this.minutes.delete(start);
  }
}

function minuteStart(ms: number): number {
  return Math.floor(ms / minuteMs) * minuteMs;
}

function emptyTally(start: number): MinuteTally {
  return { start, requests: 0, errors: {}, inputTokens: 0, outputTokens: 0, cacheHits: 0, cacheMisses: 0, coalesced: 0, ttftSamples: [], ttftSeen: 0 };
}

function addSample(tally: MinuteTally, ms: number) {
  tally.ttftSeen += 1;
  if (tally.ttftSamples.length < maxSamplesPerMinute) {
    tally.ttftSamples.push(ms);
    return;
  }
  // Reservoir sampling: every sample of the minute has the same chance to be kept.
  const slot = Math.floor(Math.random() * tally.ttftSeen);
  if (slot < maxSamplesPerMinute) tally.ttftSamples[slot] = ms;
}

function addInto(total: MinuteTally, tally: MinuteTally) {
  total.requests += tally.requests;
  for (const [code, n] of Object.entries(tally.errors) as [keyof MinuteTally['errors'], number][]) total.errors[code] = (total.errors[code] ?? 0) + n;
  total.inputTokens += tally.inputTokens;
  total.outputTokens += tally.outputTokens;
  total.cacheHits += tally.cacheHits;
  total.cacheMisses += tally.cacheMisses;
  total.coalesced += tally.coalesced;
  total.ttftSamples.push(...tally.ttftSamples);
}

function toBucket({ ttftSamples, ttftSeen: _seen, ...tally }: MinuteTally): UsageBucket {
  return { ...tally, errors: { ...tally.errors }, ttft: latencyPercentiles(ttftSamples) };
}
