import 'server-only';
import { ConfigError, rillConfig } from '@/lib/config';
import { startRequestObservers } from './request-observer';

/**
 * What a server instance does once, at start: check its settings, then start logging, metrics and
 * (when an OTLP endpoint is configured) tracing.
 */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = rillConfig();
  } catch (error) {
    // A malformed setting stops the server at start, saying which one, rather than at the first request.
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  startRequestObservers();
  // Tracing costs nothing unless an OTLP endpoint is configured.
  if (config.tracing.otlpEndpoint) {
    const { startTracing } = await import('./tracing');
    startTracing();
  }
}
