import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestEvent, RequestSummary } from '@/lib/server/request-events';
import { isRateLimited, isUpstreamError } from './error-kinds';
import { processSingleton } from '@/lib/process-singleton';

/** Seconds; first tokens usually come in well under a second, whole answers take up to minutes. */
const ttftBuckets = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20];
const durationBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];

export type RillMetrics = ReturnType<typeof createMetrics>;

/** Rill's Prometheus metrics in `registry`, and how each request event moves them. */
export function createMetrics(registry: Registry) {
  const registers = [registry];
  const requests = new Counter({ name: 'rill_http_requests_total', help: 'Answer requests by route and HTTP status.', labelNames: ['route', 'status'], registers });
  const ttft = new Histogram({ name: 'rill_time_to_first_token_seconds', help: 'From the request reaching the server to the first answer token.', labelNames: ['route'], buckets: ttftBuckets, registers });
  const duration = new Histogram({ name: 'rill_request_duration_seconds', help: 'From the request reaching the server to the end of its answer.', labelNames: ['route'], buckets: durationBuckets, registers });
  const tokens = new Counter({ name: 'rill_tokens_total', help: 'Model tokens by route and direction (input or output).', labelNames: ['route', 'direction'], registers });
  const activeStreams = new Gauge({ name: 'rill_active_streams', help: 'Answers streaming right now.', labelNames: ['route'], registers });
  const rateLimited = new Counter({ name: 'rill_rate_limited_total', help: 'Requests refused by the rate limit.', labelNames: ['route'], registers });
  const cacheHits = new Counter({ name: 'rill_cache_hits_total', help: 'Answers served from the response cache.', labelNames: ['route'], registers });
  const cacheMisses = new Counter({ name: 'rill_cache_misses_total', help: 'Answers that needed a fresh upstream call.', labelNames: ['route'], registers });
  const coalesced = new Counter({ name: 'rill_coalesced_requests_total', help: 'Requests that joined an identical answer already in flight.', labelNames: ['route'], registers });
  const upstreamErrors = new Counter({ name: 'rill_upstream_errors_total', help: 'Failed answers by kind of provider error.', labelNames: ['route', 'kind'], registers });
  const aborted = new Counter({ name: 'rill_aborted_requests_total', help: 'Answers the client stopped or walked away from.', labelNames: ['route'], registers });

  function recordRequest(summary: RequestSummary) {
    const route = summary.route;
    requests.inc({ route, status: String(summary.status) });
    duration.observe({ route }, summary.durationMs / 1000);
    if (summary.ttftMs !== undefined) ttft.observe({ route }, summary.ttftMs / 1000);
    if (summary.inputTokens) tokens.inc({ route, direction: 'input' }, summary.inputTokens);
    if (summary.outputTokens) tokens.inc({ route, direction: 'output' }, summary.outputTokens);
    if (isRateLimited(summary)) rateLimited.inc({ route });
    else if (isUpstreamError(summary.errorCode)) upstreamErrors.inc({ route, kind: summary.errorCode });
    if (summary.aborted) aborted.inc({ route });
    if (summary.source === 'cache') cacheHits.inc({ route });
    if (summary.source === 'upstream' && summary.status < 400) cacheMisses.inc({ route });
    if (summary.source === 'coalesced') coalesced.inc({ route });
  }

  return {
    record(event: RequestEvent) {
      if (event.type === 'request-end') recordRequest(event.summary);
      else if (event.type === 'stream-open') activeStreams.inc({ route: event.route });
      else activeStreams.dec({ route: event.route });
    },
  };
}

/** The process's registry, with Node's default metrics (memory, CPU, event loop lag) and Rill's. */
export function metricsRegistry(): { registry: Registry; metrics: RillMetrics } {
  return processSingleton('metrics', () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return { registry, metrics: createMetrics(registry) };
  });
}
