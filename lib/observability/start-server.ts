import 'server-only';
import { ConfigError, rillConfig } from '@/lib/config';
import { conversationStore } from '@/lib/db/conversation-store';
import { keepsHistory, openDatabaseAtStart } from '@/lib/db/database';
import { pruneIdleGuestsDaily } from '@/lib/history/server/guest-pruning';
import { logger } from './logger';
import { stampClientAddresses } from '@/lib/server/stamp-client-address';
import { startRequestObservers } from './request-observer';

/**
 * What a server instance does once, at start: check its settings, learn each request's client
 * address from its connection, start logging and metrics, open the database, and (when an OTLP
 * endpoint is configured) start tracing.
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
  await openDatabaseAtStart(config);
  if (keepsHistory(config) && config.chat.guestIdleDays > 0) {
    pruneIdleGuestsDaily({
      idleDays: config.chat.guestIdleDays,
      store: conversationStore,
      onPruned: (result) =>
        'error' in result
          ? logger().warn({ err: result.error instanceof Error ? result.error.message : String(result.error) }, 'idle guests could not be pruned')
          : result.guests > 0 && logger().info({ guests: result.guests, idleDays: config.chat.guestIdleDays }, 'pruned idle guests'),
    });
  }
  // Tracing costs nothing unless an OTLP endpoint is configured.
  if (config.tracing.otlpEndpoint) {
    const { startTracing } = await import('./tracing');
    startTracing();
  }
}
