import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type OpenedDatabase } from './database';
import { createGlossaryListStore, type GlossaryListStore } from './glossary-list-store';

let folder: string;
let opened: OpenedDatabase;
let store: GlossaryListStore;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rill-glossaries-'));
  opened = await openDatabase({ dataDir: folder });
  store = createGlossaryListStore(opened.db);
}, 60_000);

afterAll(async () => {
  await opened?.close();
  await rm(folder, { recursive: true, force: true });
});

const glossary = (id: string, updatedAt: number) => ({ id, name: id, source: 'en', target: 'de', entries: [{ source: 'invoice', target: 'Rechnung' }], updatedAt });

test('the newer list is kept, a guest’s goes to an account that has none, and an account’s goes with it', async () => {
  expect(await store.get('guest:g')).toEqual({ glossaries: [], updatedAt: 0 });
  const list = { glossaries: [glossary('a', 1)], updatedAt: 10 };
  expect(await store.save('guest:g', list)).toEqual(list);
  expect(await store.save('guest:g', { glossaries: [], updatedAt: 5 })).toEqual(list);

  await store.transfer('guest:g', 'user:u');
  expect(await store.get('user:u')).toEqual(list);
  expect(await store.get('guest:g')).toEqual({ glossaries: [], updatedAt: 0 });

  await store.removeOwner('user:u');
  expect(await store.get('user:u')).toEqual({ glossaries: [], updatedAt: 0 });
});
