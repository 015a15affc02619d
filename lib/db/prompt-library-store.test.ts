import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type OpenedDatabase } from './database';
import { createPromptLibraryStore, type PromptLibraryStore } from './prompt-library-store';

let folder: string;
let opened: OpenedDatabase;
let store: PromptLibraryStore;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rill-prompts-'));
  opened = await openDatabase({ dataDir: folder });
  store = createPromptLibraryStore(opened.db);
}, 60_000);

afterAll(async () => {
  await opened?.close();
  await rm(folder, { recursive: true, force: true });
});

const prompt = (id: string, updatedAt: number) => ({ id, name: `name of ${id}`, text: `text of ${id}`, updatedAt });

test('an owner who never saved has an empty list', async () => {
  expect(await store.get('guest:nobody')).toEqual({ prompts: [], updatedAt: 0 });
});

test('a save replaces the list, unless the stored one is newer', async () => {
  const owner = 'guest:saves';
  expect(await store.save(owner, { prompts: [prompt('a', 1)], updatedAt: 10 })).toEqual({ prompts: [prompt('a', 1)], updatedAt: 10 });
  const newer = { prompts: [prompt('b', 20)], updatedAt: 20 };
  expect(await store.save(owner, newer)).toEqual(newer);
  expect(await store.save(owner, { prompts: [prompt('a', 1)], updatedAt: 15 })).toEqual(newer);
  expect(await store.get(owner)).toEqual(newer);
});

test('a guest who signs in brings their prompts to an account that has none, and never replaces an account’s own', async () => {
  const guests = { prompts: [prompt('mine', 5)], updatedAt: 30 };
  await store.save('guest:moving', guests);
  await store.transfer('guest:moving', 'user:new');
  expect(await store.get('user:new')).toEqual(guests);
  expect(await store.get('guest:moving')).toEqual({ prompts: [], updatedAt: 0 });

  const accounts = { prompts: [prompt('theirs', 7)], updatedAt: 10 };
  await store.save('user:old', accounts);
  await store.save('guest:late', { prompts: [prompt('late', 50)], updatedAt: 50 });
  await store.transfer('guest:late', 'user:old');
  expect(await store.get('user:old')).toEqual(accounts);
  expect(await store.get('guest:late')).toEqual({ prompts: [], updatedAt: 0 });

  await store.transfer('guest:none', 'user:old');
  expect(await store.get('user:old')).toEqual(accounts);
});

test('deleting an owner deletes their prompts', async () => {
  await store.save('user:gone', { prompts: [prompt('a', 1)], updatedAt: 1 });
  await store.removeOwner('user:gone');
  expect(await store.get('user:gone')).toEqual({ prompts: [], updatedAt: 0 });
});
