import 'server-only';
import type { Logger } from 'pino';
import { rillConfig } from '@/lib/config';
import { requestEvents, type RequestEvent } from '@/lib/server/request-events';
import { isUpstreamError } from './error-kinds';
import { logger } from './logger';
import { metricsRegistry, type RillMetrics } from './metrics';
import { requestLogFields, requestLogMessage } from './request-log';
import { processSingleton } from '@/lib/process-singleton';
import type { UsageSeries } from './usage-series';
import { usageSeries } from './usage';

export interface RequestObservers {
  log: Logger;
  metrics: Pick<RillMetrics, 'record'>;
  series: Pick<UsageSeries, 'record'>;
  logContent: boolean;
}

/** Turns each request event into a log line (one per request), metric updates and a usage tally. */
export function observeRequests({ log, metrics, series, logContent }: RequestObservers): (event: RequestEvent) => void {
  return (event) => {
    metrics.record(event);
    series.record(event);
    if (event.type !== 'request-end') return;
    const { summary } = event;
    const level = summary.status >= 500 || isUpstreamError(summary.errorCode) ? 'warn' : 'info';
    log[level](requestLogFields(summary, { logContent }), requestLogMessage(summary));
  };
}

/**
 * Subscribes the process's logger, metrics and usage series to request events, once per process
 * however often it is called (instrumentation's `register()` runs again on dev reloads).
 */
export function startRequestObservers(): void {
  processSingleton('request-observers', () =>
    requestEvents.subscribe(
      observeRequests({ log: logger(), metrics: metricsRegistry().metrics, series: usageSeries(), logContent: rillConfig().logging.logContent }),
    ),
  );
}
