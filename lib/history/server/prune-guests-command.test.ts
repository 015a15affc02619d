import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { freePort } from '@/e2e/support/free-port';
import { GUEST_OWNER_PREFIX } from '@/lib/accounts/server/guest-identity';
import type { Conversation } from '@/lib/chat/types';
import { readConfig } from '@/lib/config';
import { createConversationStore } from '@/lib/db/conversation-store';
import { openDatabase } from '@/lib/db/database';
import { pruneGuestsCommand } from './prune-guests-command';

const DAY_MS = 86_400_000;
const NOW = 1_767_225_600_000;
const [idleGuest, recentGuest, member] = [`${GUEST_OWNER_PREFIX}idle`, `${GUEST_OWNER_PREFIX}recent`, 'member'];

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rill-prune-guests-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const savedAt = (updatedAt: number): Conversation => ({ id: 'c', title: 'A chat', createdAt: updatedAt, updatedAt, messages: [{ id: 'm', role: 'user', text: 'hi', createdAt: updatedAt }], settings: {} });

/** Two guests, one idle for 31 days and one for 2, and a signed-up owner idle for a year, in the embedded database in `dataDir`. */
async function seed(dataDir: string): Promise<void> {
  const opened = await openDatabase(readConfig({ RILL_DATA_DIR: dataDir }));
  const store = createConversationStore(opened.db);
  await store.save(idleGuest, savedAt(NOW - 31 * DAY_MS));
  await store.save(recentGuest, savedAt(NOW - 2 * DAY_MS));
  await store.save(member, savedAt(NOW - 365 * DAY_MS));
  await opened.close();
}

async function owners(dataDir: string): Promise<string[]> {
  const opened = await openDatabase(readConfig({ RILL_DATA_DIR: dataDir }));
  const store = createConversationStore(opened.db);
  const present = [];
  for (const owner of [idleGuest, recentGuest, member]) if ((await store.ids(owner)).length > 0) present.push(owner);
  await opened.close();
  return present;
}

function output() {
  const lines = { log: [] as string[], error: [] as string[] };
  return { lines, to: { log: (line: string) => lines.log.push(line), error: (line: string) => lines.error.push(line) } };
}

test('deletes the guests idle for the days given, then for RILL_GUEST_IDLE_DAYS, and never an account', { timeout: 60_000 }, async () => {
  const dataDir = join(folder, 'data');
  await seed(dataDir);

  const first = output();
  expect(await pruneGuestsCommand(['--idle-days', '30'], { RILL_DATA_DIR: dataDir }, first.to, NOW)).toBe(0);
  expect(first.lines).toEqual({ log: [`Deleted 1 guest idle for 30 days or more, from the embedded database in ${dataDir}.`], error: [] });
  expect(await owners(dataDir)).toEqual([recentGuest, member]);

  const second = output();
  expect(await pruneGuestsCommand([], { RILL_DATA_DIR: dataDir, RILL_GUEST_IDLE_DAYS: '1' }, second.to, NOW)).toBe(0);
  expect(second.lines.log).toEqual([`Deleted 1 guest idle for 1 day or more, from the embedded database in ${dataDir}.`]);
  expect(await owners(dataDir)).toEqual([member]);
});

test('fails, saying which database, when it cannot be reached; the URL’s password is not shown', async () => {
  const said = output();
  const url = `postgres://rill:hunter2@127.0.0.1:${await freePort()}/rill`;
  expect(await pruneGuestsCommand(['--idle-days', '30'], { DATABASE_URL: url }, said.to, NOW)).toBe(1);
  expect(said.lines.error).toEqual([expect.stringMatching(/^prune-guests: the PostgreSQL at DATABASE_URL could not be opened: .*ECONNREFUSED/)]);
  expect(said.lines.error.join('\n')).not.toContain('hunter2');
});

test.each([
  [['--idle-days', '0'], {}, /--idle-days must be a whole number of days, 1 or more \(got "0"\)/],
  [['--idle-days', 'soon'], {}, /--idle-days must be a whole number/],
  [['--idle-dayz', '30'], {}, /Unknown option '--idle-dayz'/],
  [[], { RILL_GUEST_IDLE_DAYS: '0' }, /RILL_GUEST_IDLE_DAYS is 0, which keeps guests for ever: pass --idle-days N/],
  [[], { RILL_GUEST_IDLE_DAYS: 'many' }, /RILL_GUEST_IDLE_DAYS="many"/],
])('refuses %j with %j before opening any database', async (args, env, message) => {
  const said = output();
  expect(await pruneGuestsCommand(args, { RILL_DATA_DIR: join(folder, 'never-made'), ...env }, said.to, NOW)).toBe(1);
  expect(said.lines.error.join('\n')).toMatch(message);
  expect(existsSync(join(folder, 'never-made'))).toBe(false);
});

test('the bundled command runs on its own beside a node_modules and the migrations, as in the Docker image', { timeout: 60_000 }, async () => {
  // The standalone output's layout: the command, node_modules and lib/db/migrations in the folder it runs from.
  const run = promisify(execFile);
  await run(process.execPath, ['scripts/bundle-prune-guests.mjs', join(folder, 'prune-guests.mjs')]);
  await symlink(resolve('node_modules'), join(folder, 'node_modules'));
  await cp('lib/db/migrations', join(folder, 'lib', 'db', 'migrations'), { recursive: true });
  const dataDir = join(folder, 'data');
  await seed(dataDir);

  // Run now, not at NOW: both guests are long idle by then.
  const { stdout } = await run(process.execPath, ['prune-guests.mjs', '--idle-days', '30'], { cwd: folder, env: { ...process.env, DATABASE_URL: '', RILL_DATA_DIR: dataDir } });
  expect(stdout).toBe(`Deleted 2 guests idle for 30 days or more, from the embedded database in ${dataDir}.\n`);
  expect(await owners(dataDir)).toEqual([member]);
});
