import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createArenaStore, isBattleId, type ArenaStore } from './arena-store';

let client: PGlite;
let store: ArenaStore;
let owner: string;
let nextOwner = 0;

beforeAll(async () => {
  client = await PGlite.create();
  const db = drizzle({ client });
  await migrate(db, { migrationsFolder: 'lib/db/migrations' });
  store = createArenaStore(db);
}, 30_000);
afterAll(() => client?.close());
beforeEach(() => {
  owner = `guest:owner-${++nextOwner}`;
});

const battle = { prompt: 'Which is better?', a: { model: 'm1' }, b: { model: 'm2', temperature: 1.2 } };

test('a battle gives each side its contestant and the prompt, to its owner only', async () => {
  const { id } = await store.create(owner, battle);
  expect(isBattleId(id)).toBe(true);
  expect(await store.side(owner, id, 'a')).toEqual({ prompt: 'Which is better?', contestant: { model: 'm1' } });
  expect(await store.side(owner, id, 'b')).toEqual({ prompt: 'Which is better?', contestant: { model: 'm2', temperature: 1.2 } });
  expect(await store.side('guest:someone-else', id, 'a')).toBeNull();
  expect(await store.side(owner, 'not-a-battle', 'a')).toBeNull();
});

test('the owner votes once and learns who answered; a second vote and anyone else’s are refused', async () => {
  const { id } = await store.create(owner, battle);
  expect(await store.vote('guest:someone-else', id, 'a')).toEqual({ status: 'missing' });
  expect(await store.vote(owner, id, 'b')).toEqual({ status: 'ok', vote: { a: { model: 'm1' }, b: { model: 'm2', temperature: 1.2 }, choice: 'b' } });
  expect(await store.vote(owner, id, 'a')).toEqual({ status: 'voted' });
  const cast = (await store.votes()).filter((vote) => vote.b.temperature === 1.2);
  expect(cast).toContainEqual({ a: { model: 'm1' }, b: { model: 'm2', temperature: 1.2 }, choice: 'b' });
});

test('two votes sent at once on one battle: exactly one counts', async () => {
  const { id } = await store.create(owner, battle);
  const results = await Promise.all([store.vote(owner, id, 'a'), store.vote(owner, id, 'tie')]);
  expect(results.map((result) => result.status).sort()).toEqual(['ok', 'voted']);
});

test('a guest who signs in keeps their battles and votes; a deleted account takes them with it', async () => {
  const { id } = await store.create(owner, battle);
  await store.vote(owner, id, 'tie');
  const user = `user:${owner}`;
  await store.transfer(owner, user);
  expect(await store.side(owner, id, 'a')).toBeNull();
  expect(await store.side(user, id, 'a')).not.toBeNull();
  expect(await store.vote(user, id, 'a')).toEqual({ status: 'voted' });
  const before = (await store.votes()).length;
  expect(await store.removeOwner(user)).toBe(1);
  expect(await store.votes()).toHaveLength(before - 1);
});
