import { describe, expect, it } from 'vitest';
import { chatSummary } from './test-summaries';
import { UsageSeries } from './usage-series';

const t0 = Date.UTC(2026, 10, 27, 12, 0, 30);
const minute = 60_000;

describe('UsageSeries', () => {
  it('always returns the last 60 minutes, oldest first, with the current minute last', () => {
    const snapshot = new UsageSeries(t0).snapshot(t0);
    expect(snapshot.buckets).toHaveLength(60);
    expect(snapshot.buckets.at(-1)?.start).toBe(Date.UTC(2026, 10, 27, 12, 0, 0));
    expect(snapshot.buckets[0]?.start).toBe(Date.UTC(2026, 10, 27, 11, 1, 0));
    expect(snapshot.buckets[0]).toEqual({ start: snapshot.buckets[0]?.start, requests: 0, errors: {}, inputTokens: 0, outputTokens: 0, ttft: null, cacheHits: 0, cacheMisses: 0, coalesced: 0 });
  });

  it('tallies requests, tokens, errors by kind and answer sources per minute and over the hour', () => {
    const series = new UsageSeries(t0);
    series.record({ type: 'request-end', summary: chatSummary() }, t0);
    series.record({ type: 'request-end', summary: chatSummary({ source: 'cache', ttftMs: 5 }) }, t0);
    series.record({ type: 'request-end', summary: chatSummary({ status: 429, errorCode: 'rate_limited', source: 'none', inputTokens: undefined, outputTokens: undefined, ttftMs: undefined }) }, t0 + minute);
    series.record({ type: 'request-end', summary: chatSummary({ errorCode: 'unavailable', outputTokens: 0, ttftMs: undefined }) }, t0 + minute);

    const snapshot = series.snapshot(t0 + minute);
    const [previous, current] = snapshot.buckets.slice(-2);
    expect(previous).toMatchObject({ requests: 2, inputTokens: 24, outputTokens: 80, cacheHits: 1, cacheMisses: 1, errors: {} });
    expect(current).toMatchObject({ requests: 2, errors: { rate_limited: 1, unavailable: 1 }, ttft: null });
    expect(snapshot.totals).toMatchObject({ requests: 4, inputTokens: 36, outputTokens: 80, errors: { rate_limited: 1, unavailable: 1 } });
  });

  it('gives time to first token percentiles per minute', () => {
    const series = new UsageSeries(t0);
    for (let ms = 1; ms <= 100; ms++) series.record({ type: 'request-end', summary: chatSummary({ ttftMs: ms }) }, t0);
    expect(series.snapshot(t0).buckets.at(-1)?.ttft).toEqual({ p50: 50, p95: 95, p99: 99 });
  });

  it('forgets traffic older than an hour', () => {
    const series = new UsageSeries(t0);
    series.record({ type: 'request-end', summary: chatSummary() }, t0);
    expect(series.snapshot(t0 + 59 * minute).totals.requests).toBe(1);
    expect(series.snapshot(t0 + 60 * minute).totals.requests).toBe(0);
  });

  it('counts streams open right now', () => {
    const series = new UsageSeries(t0);
    series.record({ type: 'stream-open', route: 'chat' }, t0);
    series.record({ type: 'stream-open', route: 'chat' }, t0);
    series.record({ type: 'stream-close', route: 'chat' }, t0);
    expect(series.snapshot(t0).activeStreams).toBe(1);
  });
});
