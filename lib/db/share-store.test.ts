import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Conversation } from '@/lib/chat/types';
import { createShareStore, isShareId, type ShareStore } from './share-store';

const T0 = 1_767_225_600_000;
const DAY = 24 * 60 * 60 * 1000;

let client: PGlite;
let store: ShareStore;
let owner: string;
let nextOwner = 0;

beforeAll(async () => {
  client = await PGlite.create();
  const db = drizzle({ client });
  await migrate(db, { migrationsFolder: 'lib/db/migrations' });
  store = createShareStore(db);
}, 30_000);
afterAll(() => client?.close());
beforeEach(() => {
  owner = `guest:owner-${++nextOwner}`;
});

function conversation(id = 'c1', fields: Partial<Conversation> = {}): Conversation {
  return { id, title: `title of ${id}`, createdAt: T0, updatedAt: T0, messages: [{ id: 'm1', role: 'user', text: 'hello', createdAt: T0 }], settings: {}, ...fields };
}

test('a link opens its snapshot, under an id nobody can guess', async () => {
  const snapshot = conversation();
  const link = await store.create(owner, snapshot, { expiresAt: null, now: T0 });
  expect(isShareId(link.id)).toBe(true);
  expect(link).toEqual({ id: link.id, createdAt: T0, expiresAt: null });
  expect(await store.read(link.id, { now: T0 + 365 * DAY })).toEqual({ status: 'ok', share: { ...link, conversation: snapshot } });
  const other = await store.create(owner, snapshot, { expiresAt: null, now: T0 });
  expect(other.id).not.toBe(link.id);
});

test('a link past its expiry says so, and is no longer listed', async () => {
  const link = await store.create(owner, conversation(), { expiresAt: T0 + DAY, now: T0 });
  expect((await store.read(link.id, { now: T0 + DAY - 1 })).status).toBe('ok');
  expect(await store.listLive(owner, 'c1', { now: T0 + DAY - 1 })).toEqual([link]);
  expect(await store.read(link.id, { now: T0 + DAY })).toEqual({ status: 'expired' });
  expect(await store.listLive(owner, 'c1', { now: T0 + DAY })).toEqual([]);
});

test('an id that was never made, or cannot be one, is missing', async () => {
  expect(await store.read('A'.repeat(22))).toEqual({ status: 'missing' });
  expect(await store.read('../etc/passwd')).toEqual({ status: 'missing' });
});

test('lists the live links of one conversation of one owner, newest first', async () => {
  const older = await store.create(owner, conversation('c1'), { expiresAt: null, now: T0 });
  const newer = await store.create(owner, conversation('c1'), { expiresAt: T0 + 7 * DAY, now: T0 + 1 });
  await store.create(owner, conversation('c2'), { expiresAt: null, now: T0 });
  await store.create('guest:someone-else', conversation('c1'), { expiresAt: null, now: T0 });
  const revoked = await store.create(owner, conversation('c1'), { expiresAt: null, now: T0 + 2 });
  await store.revoke(owner, revoked.id);
  expect(await store.listLive(owner, 'c1', { now: T0 + 3 })).toEqual([newer, older]);
});

test('only its owner revokes a link; revoked, it says so and its snapshot is gone', async () => {
  const link = await store.create(owner, conversation('c1', { settings: { system: 'secret' } }), { expiresAt: null, now: T0 });
  expect(await store.revoke('guest:someone-else', link.id)).toBe(false);
  expect((await store.read(link.id)).status).toBe('ok');
  expect(await store.revoke(owner, link.id, { now: T0 + 5 })).toBe(true);
  expect(await store.read(link.id)).toEqual({ status: 'revoked' });
  const { rows } = await client.query<{ snapshot: unknown; revoked_at: number }>('select snapshot, revoked_at from shares where id = $1', [link.id]);
  expect(rows).toEqual([{ snapshot: null, revoked_at: T0 + 5 }]);
  // Revoking again changes nothing, not even when it was revoked.
  expect(await store.revoke(owner, link.id, { now: T0 + 9 })).toBe(true);
  expect((await client.query<{ revoked_at: number }>('select revoked_at from shares where id = $1', [link.id])).rows).toEqual([{ revoked_at: T0 + 5 }]);
  expect(await store.revoke(owner, 'B'.repeat(22))).toBe(false);
});

test('a guest who signs in takes their links along; deleting the account deletes them', async () => {
  const user = `user:${owner}`;
  const link = await store.create(owner, conversation(), { expiresAt: null, now: T0 });
  await store.transfer(owner, user);
  expect(await store.listLive(owner, 'c1', { now: T0 })).toEqual([]);
  expect(await store.listLive(user, 'c1', { now: T0 })).toEqual([link]);
  expect(await store.revoke(owner, link.id)).toBe(false);

  expect(await store.removeOwner(user)).toBe(1);
  expect(await store.read(link.id)).toEqual({ status: 'missing' });
});
