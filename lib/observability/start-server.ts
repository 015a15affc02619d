import 'server-only';
import { ConfigError, rillConfig } from '@/lib/config';
import { stampClientAddresses } from '@/lib/server/stamp-client-address';
import { startRequestObservers } from './request-observer';

/**
 * What a server instance does once, at start: check its settings, learn each request's client
 * address from its connection, then start logging, metrics and (when an OTLP endpoint is configured) tracing.
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
  stampClientAddresses(config.clientAddress.trustedProxyHops);
  startRequestObservers();
  // Tracing costs nothing unless an OTLP endpoint is configured.
  if (config.tracing.otlpEndpoint) {
    const { startTracing } = await import('./tracing');
    startTracing();
  }
}
