import 'server-only';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig, type RillConfig } from '@/lib/config';
import { createConversationStore } from '@/lib/db/conversation-store';
import { openDatabase } from '@/lib/db/database';
import { pruneIdleGuests } from './guest-pruning';

const USAGE = 'Usage: prune-guests [--idle-days N]   deletes guests who have saved nothing for N days (N: RILL_GUEST_IDLE_DAYS unless given)';

/** Where the command writes: the console, or a test's lines. */
export interface CommandOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

class UsageError extends Error {}

/**
 * `prune-guests [--idle-days N]`, the operator's way to delete idle guests now rather than wait for
 * the server's daily pruning: the same deletion, against the database the environment names (as the
 * server reads it). Returns the exit code; what went wrong is said on `error`.
 */
export async function pruneGuestsCommand(args: string[], env: Record<string, string | undefined>, { log, error }: CommandOutput = console, now = Date.now()): Promise<number> {
  let config: RillConfig;
  let idleDays: number;
  try {
    config = readConfig(env);
    idleDays = idleDaysFrom(args, config.chat.guestIdleDays);
  } catch (problem) {
    if (!(problem instanceof ConfigError || problem instanceof UsageError)) throw problem;
    error(problem instanceof ConfigError ? problem.message : `${problem.message}\n${USAGE}`);
    return 1;
  }
  // Never the URL itself: it may hold a password.
  const database = config.databaseUrl ? 'the PostgreSQL at DATABASE_URL' : `the embedded database in ${config.dataDir}`;
  let opened;
  try {
    opened = await openDatabase(config);
  } catch (problem) {
    error(`prune-guests: ${database} could not be opened: ${messageOf(problem)}`);
    return 1;
  }
  try {
    const guests = await pruneIdleGuests(createConversationStore(opened.db), idleDays, now);
    log(`Deleted ${guests} ${guests === 1 ? 'guest' : 'guests'} idle for ${idleDays} ${idleDays === 1 ? 'day' : 'days'} or more, from ${database}.`);
    return 0;
  } catch (problem) {
    error(`prune-guests: pruning ${database} failed: ${messageOf(problem)}`);
    return 1;
  } finally {
    await opened.close();
  }
}

function idleDaysFrom(args: string[], configured: number): number {
  let given: string | undefined;
  try {
    // Strict: an option misspelt is refused, not ignored in favour of the default.
    given = parseArgs({ args, options: { 'idle-days': { type: 'string' } }, strict: true, allowPositionals: false }).values['idle-days'];
  } catch (problem) {
    throw new UsageError(messageOf(problem));
  }
  if (given === undefined) {
    if (configured === 0) throw new UsageError('RILL_GUEST_IDLE_DAYS is 0, which keeps guests for ever: pass --idle-days N to prune anyway.');
    return configured;
  }
  if (!/^\d+$/.test(given) || Number(given) < 1) throw new UsageError(`--idle-days must be a whole number of days, 1 or more (got "${given}").`);
  return Number(given);
}

function messageOf(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}
