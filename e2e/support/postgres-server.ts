import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { watchOutput } from './child-output';
import { freePort } from './free-port';

export interface PostgresServer {
  /** Its `postgres` database, as the superuser `postgres`, with no password. */
  url: string;
  /** Ends it and removes its files. */
  stop: () => Promise<void>;
  /** Ends it as a crash would leave it, keeping its files, for `start` to bring back (an outage). */
  halt: () => Promise<void>;
  /** Starts it again on the same port and files, after `halt`. */
  start: () => Promise<void>;
}

const run = promisify(execFile);

/**
 * Starts a throwaway PostgreSQL on a free loopback port, its files in a temp folder. The PostgreSQL
 * tests are part of the suite, never skipped: without PostgreSQL they fail, saying how to install it.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  const user = unprivilegedUser();
  const folder = await mkdtemp(join(tmpdir(), 'rill-postgres-'));
  const data = join(folder, 'data');
  if (user) await chown(folder, user.uid, user.gid);
  // Run from its own folder: the working directory may be one the postgres user cannot enter.
  const as = { ...user, cwd: folder };
  const port = await freePort();
  let child: ChildProcess | undefined;
  const halt = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      // A fast shutdown: the default (SIGTERM) would wait for every client to disconnect first.
      child.kill('SIGINT');
      await exited;
    }
  };
  const stop = async () => {
    await halt();
    await rm(folder, { recursive: true, force: true });
  };
  // Durability settings off: the data is thrown away, and the tests should not wait on the disk.
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'].flatMap((setting) => ['-c', setting]);
  const start = async () => {
    child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', folder, '-h', '127.0.0.1', ...settings], { ...as, stdio: ['ignore', 'pipe', 'pipe'] });
    await watchOutput(child).waitFor(/database system is ready to accept connections/, 'postgres', 30_000);
  };
  try {
    await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'], as);
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, halt, start };
}

/** Debian keeps them off PATH, in /usr/lib/postgresql/<version>/bin; pg_config knows where when it is there. */
function postgresBinaries(): string {
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = [...(pgConfig.status === 0 ? [pgConfig.stdout.trim()] : []), ...versions.map((version) => join(debian, version, 'bin'))];
  const found = candidates.find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
  if (!found) throw new Error('PostgreSQL is not installed: the database tests need its initdb and postgres (Debian: apt-get install postgresql; .ci/run installs it)');
  return found;
}

/** PostgreSQL refuses to run as root (as CI and this machine's sessions do), so then it runs as the `postgres` user. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0 || gid.status !== 0) throw new Error('Running as root, the database tests start PostgreSQL as the user postgres, which does not exist (Debian: apt-get install postgresql makes it)');
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}
