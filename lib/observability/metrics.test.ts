import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics';
import { parsePrometheusText, sampleValue } from '@/e2e/support/prometheus-text';
import { chatSummary } from './test-summaries';

async function afterEvents(...events: Parameters<ReturnType<typeof createMetrics>['record']>[0][]) {
  const registry = new Registry();
  const metrics = createMetrics(registry);
  for (const event of events) metrics.record(event);
  return parsePrometheusText(await registry.metrics());
}

describe('createMetrics', () => {
  it('counts requests by route and status, tokens by direction, and observes latencies in seconds', async () => {
    const samples = await afterEvents({ type: 'request-end', summary: chatSummary() }, { type: 'request-end', summary: chatSummary({ status: 400, errorCode: 'bad_request', source: 'none', ttftMs: undefined, inputTokens: undefined, outputTokens: undefined }) });
    expect(sampleValue(samples, 'rill_http_requests_total', { route: 'chat', status: '200' })).toBe(1);
    expect(sampleValue(samples, 'rill_http_requests_total', { route: 'chat', status: '400' })).toBe(1);
    expect(sampleValue(samples, 'rill_tokens_total', { route: 'chat', direction: 'input' })).toBe(12);
    expect(sampleValue(samples, 'rill_tokens_total', { route: 'chat', direction: 'output' })).toBe(40);
    expect(sampleValue(samples, 'rill_time_to_first_token_seconds_sum', { route: 'chat' })).toBeCloseTo(0.12);
    expect(sampleValue(samples, 'rill_time_to_first_token_seconds_count', { route: 'chat' })).toBe(1);
    expect(sampleValue(samples, 'rill_request_duration_seconds_count', { route: 'chat' })).toBe(2);
    expect(sampleValue(samples, 'rill_cache_misses_total', { route: 'chat' })).toBe(1);
  });

  it('separates rate limits, upstream errors by kind, cache hits, coalesced and aborted requests', async () => {
    const samples = await afterEvents(
      { type: 'request-end', summary: chatSummary({ status: 429, errorCode: 'rate_limited', source: 'none' }) },
      { type: 'request-end', summary: chatSummary({ errorCode: 'auth' }) },
      { type: 'request-end', summary: chatSummary({ errorCode: 'unavailable' }) },
      { type: 'request-end', summary: chatSummary({ errorCode: 'unavailable' }) },
      { type: 'request-end', summary: chatSummary({ source: 'cache' }) },
      { type: 'request-end', summary: chatSummary({ source: 'coalesced' }) },
      { type: 'request-end', summary: chatSummary({ aborted: true }) },
    );
    expect(sampleValue(samples, 'rill_rate_limited_total', { route: 'chat' })).toBe(1);
    expect(sampleValue(samples, 'rill_upstream_errors_total', { route: 'chat', kind: 'auth' })).toBe(1);
    expect(sampleValue(samples, 'rill_upstream_errors_total', { route: 'chat', kind: 'unavailable' })).toBe(2);
    expect(sampleValue(samples, 'rill_upstream_errors_total', { route: 'chat', kind: 'rate_limited' })).toBeUndefined();
    expect(sampleValue(samples, 'rill_cache_hits_total', { route: 'chat' })).toBe(1);
    expect(sampleValue(samples, 'rill_coalesced_requests_total', { route: 'chat' })).toBe(1);
    expect(sampleValue(samples, 'rill_aborted_requests_total', { route: 'chat' })).toBe(1);
  });

  it('tracks streams open right now', async () => {
    const samples = await afterEvents({ type: 'stream-open', route: 'chat' }, { type: 'stream-open', route: 'chat' }, { type: 'stream-close', route: 'chat' });
    expect(sampleValue(samples, 'rill_active_streams', { route: 'chat' })).toBe(1);
  });
});
