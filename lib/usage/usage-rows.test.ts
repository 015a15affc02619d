import { describe, expect, it } from 'vitest';
import { chatSummary } from '@/lib/observability/test-summaries';
import { errorKinds, usageRows } from './usage-rows';
import { UsageSeries } from '@/lib/observability/usage-series';
import { sameTraffic } from '@/lib/usage/usage-snapshot';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('usageRows', () => {
  it('flattens each minute for the charts, with nulls where nothing was measured', () => {
    const series = new UsageSeries(now);
    series.record({ type: 'request-end', summary: chatSummary({ source: 'cache', ttftMs: 10 }) }, now);
    series.record({ type: 'request-end', summary: chatSummary({ ttftMs: 30 }) }, now);
    series.record({ type: 'request-end', summary: chatSummary({ ttftMs: 50 }) }, now);
    const rows = usageRows(series.snapshot(now));
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatchObject({ requests: 0, p50: null, cacheHitPercent: null });
    expect(rows.at(-1)).toMatchObject({ requests: 3, inputTokens: 36, outputTokens: 120, p50: 30, p99: 50, cacheHitPercent: 33.3 });
  });
});

describe('errorKinds', () => {
  it('lists the kinds seen in the hour, most frequent first', () => {
    const series = new UsageSeries(now);
    series.record({ type: 'request-end', summary: chatSummary({ errorCode: 'auth' }) }, now);
    series.record({ type: 'request-end', summary: chatSummary({ status: 429, errorCode: 'rate_limited' }) }, now);
    series.record({ type: 'request-end', summary: chatSummary({ status: 429, errorCode: 'rate_limited' }) }, now);
    expect(errorKinds(series.snapshot(now))).toEqual(['rate_limited', 'auth']);
  });
});

describe('sameTraffic', () => {
  it('ignores the clock but notices any new request or open stream', () => {
    const series = new UsageSeries(now);
    const first = series.snapshot(now);
    expect(sameTraffic(first, series.snapshot(now + 1_000))).toBe(true);
    expect(sameTraffic(null, first)).toBe(false);
    series.record({ type: 'stream-open', route: 'chat' }, now);
    expect(sameTraffic(first, series.snapshot(now + 1_000))).toBe(false);
    series.record({ type: 'request-end', summary: chatSummary() }, now);
    expect(sameTraffic(series.snapshot(now), series.snapshot(now + 1_000))).toBe(true);
  });
});
