import 'server-only';
import { ConfigError, rillConfig, type RillConfig } from '@/lib/config';
import { conversationStore } from '@/lib/db/conversation-store';
import { keepsHistory, sharedDatabase } from '@/lib/db/database';
import { pruneIdleGuestsDaily } from '@/lib/history/server/guest-pruning';
import { stampClientAddresses } from '@/lib/server/stamp-client-address';
import { logger } from './logger';
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
  if (keepsHistory(config)) await startHistory(config);
  // Tracing costs nothing unless an OTLP endpoint is configured.
  if (config.tracing.otlpEndpoint) {
    const { startTracing } = await import('./tracing');
    startTracing();
  }
}

/**
 * Opens the database before the first request is served, so the embedded one's first start (making
 * its files and tables: seconds of CPU on a small machine) is not paid in the middle of someone's
 * answer; then prunes idle guests daily. A database that is down is only logged: the history routes
 * try again when asked, and the browsers keep their chats meanwhile.
 */
async function startHistory(config: RillConfig): Promise<void> {
  const failed = (what: string) => (error: unknown) => logger().warn({ err: error instanceof Error ? error.message : String(error) }, what);
  await sharedDatabase().catch(failed('the database could not be opened at start'));
  const idleDays = config.chat.guestIdleDays;
  if (idleDays === 0) return;
  pruneIdleGuestsDaily({
    idleDays,
    store: conversationStore,
    onPruned: (result) => {
      if ('error' in result) failed('idle guests could not be pruned')(result.error);
      else if (result.guests > 0) logger().info({ guests: result.guests, idleDays }, 'pruned idle guests');
    },
  });
}
