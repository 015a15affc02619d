import 'server-only';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { rillConfig, type RillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/** Either database: PGlite and PostgreSQL speak the same SQL, so everything above is written once. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface OpenedDatabase {
  db: Database;
  close: () => Promise<void>;
}

/**
 * Relative to the working directory, not to this file: Next bundles this module elsewhere, and the
 * standalone server runs from .next/standalone, where next.config.mjs has the build copy the folder.
 */
const MIGRATIONS_FOLDER = resolve('lib/db/migrations');

/**
 * A connection attempt, or a query, with no answer this long fails: a request then answers (503, and
 * the browser keeps its copy) instead of hanging on a database that is down or hung.
 */
const CONNECT_TIMEOUT_MS = 5_000;

/** Any constant will do, as long as nothing else takes the same advisory lock. */
const MIGRATION_LOCK = 7_346_512;

/**
 * The database `config` names, migrated to the schema in ./migrations: PostgreSQL at `databaseUrl`,
 * else PGlite keeping its files in `dataDir`/pglite (the data folder may hold other things too).
 */
export async function openDatabase({ databaseUrl, dataDir }: Pick<RillConfig, 'databaseUrl' | 'dataDir'>): Promise<OpenedDatabase> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(join(resolve(dataDir), 'pglite'));
}

async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: CONNECT_TIMEOUT_MS });
  // An idle connection that breaks (a restarted server) is dropped and made anew on next use; the
  // queries that do fail report it to their callers. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  try {
    const connection = await pool.connect();
    try {
      // Instances started together take turns: each would otherwise create the same tables, and all but one fail.
      await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrateNodePostgres(drizzleNodePostgres({ client: connection }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      // Closed rather than given back to the pool: that lets go of the lock, however migrating ended.
      connection.release(true);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzleNodePostgres({ client: pool }), close: () => pool.end() };
}

async function openPglite(folder: string): Promise<OpenedDatabase> {
  await mkdir(folder, { recursive: true });
  const client = await PGlite.create(folder);
  const db = drizzlePglite({ client });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, close: () => client.close() };
}

/**
 * The process's database, opened and migrated on first use. A failed attempt (the database was
 * down) is forgotten, so the next call tries again instead of failing for the rest of the process.
 */
export function sharedDatabase(): Promise<Database> {
  const shared = processSingleton('database', (): { opening?: Promise<Database> } => ({}));
  shared.opening ??= openDatabase(rillConfig()).then(
    ({ db }) => db,
    (error: unknown) => {
      shared.opening = undefined;
      throw error;
    },
  );
  return shared.opening;
}

/**
 * Whether this deployment has somewhere to keep chats: PostgreSQL, or a disk of its own for the
 * embedded database. A serverless instance (Vercel) without DATABASE_URL has neither.
 */
export function keepsHistory({ databaseUrl, clientAddress }: Pick<RillConfig, 'databaseUrl' | 'clientAddress'>): boolean {
  return Boolean(databaseUrl) || !clientAddress.onVercel;
}
