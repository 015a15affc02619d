import { expect, test } from 'vitest';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { Glossary } from '@/lib/translate/glossary';
import { fakeFetch } from './fake-fetch';
import { createGlossariesStore, GLOSSARIES_STORAGE_KEY } from './glossaries';

const legal: Glossary = { id: 'g1', name: 'Legal', source: 'en', target: 'de', entries: [{ source: 'invoice', target: 'Rechnung' }], updatedAt: 10 };

type Kept = { glossaries: Glossary[]; updatedAt: number; owner?: string };

function setUp(saved?: Kept) {
  const server = fakeFetch();
  const kept = new Map<string, StorageValue<Kept>>(saved ? [[GLOSSARIES_STORAGE_KEY, { state: saved, version: 1 }]] : []);
  const storage: PersistStorage<Kept> = { getItem: (name) => kept.get(name) ?? null, setItem: (name, value) => void kept.set(name, value), removeItem: (name) => void kept.delete(name) };
  const store = createGlossariesStore({ fetch: server.fetch as typeof fetch, storage, debounceMs: 5, retryMs: 5 });
  return { server, store, kept };
}

test('starting loads this browser’s glossaries at once, then brings in the server’s list and its limits', async () => {
  const { server, store } = setUp({ glossaries: [legal], updatedAt: 10, owner: 'guest' });
  await store.getState().start();
  expect(store.getState().glossaries).toEqual([legal]);
  const pulled = await server.next();
  expect(pulled.url).toBe('/api/glossaries');
  const newer = { ...legal, name: 'Legal (2)', updatedAt: 20 };
  await pulled.respond(200, { glossaries: [newer], updatedAt: 20, owner: 'guest', maxGlossaries: 20, maxTerms: 500 });
  expect(store.getState()).toMatchObject({ glossaries: [newer], limits: { maxGlossaries: 20, maxTerms: 500 }, syncNotice: null });
});

test('a change is saved as the whole list, rows still being typed left out until they are whole', async () => {
  const { server, store, kept } = setUp();
  await store.getState().start();
  await (await server.next()).respond(200, { glossaries: [], updatedAt: 0, owner: 'guest', maxGlossaries: 20, maxTerms: 500 });
  const added = store.getState().add({ name: 'Legal', source: 'en', target: 'de', entries: [{ source: 'invoice', target: 'Rechnung' }, { source: 'contract', target: '' }] });
  const saved = await server.next();
  expect(saved.method).toBe('PUT');
  expect(saved.body).toEqual({ glossaries: [{ ...added, entries: [{ source: 'invoice', target: 'Rechnung' }] }], updatedAt: store.getState().updatedAt });
  await saved.respond(200, { ...(saved.body as object), owner: 'guest' });
  // The half-typed row stays here, so nothing typed is lost.
  expect(store.getState().glossaries[0]?.entries).toHaveLength(2);
  expect(kept.get(GLOSSARIES_STORAGE_KEY)?.state.glossaries[0]?.entries).toHaveLength(2);
});

test('a refused list stays here and the notice says why', async () => {
  const { server, store } = setUp();
  await store.getState().start();
  await (await server.next()).respond(200, { glossaries: [], updatedAt: 0, owner: 'guest', maxGlossaries: 1, maxTerms: 500 });
  store.getState().add({ name: 'One', source: 'en', target: 'de', entries: [] });
  store.getState().add({ name: 'Two', source: 'en', target: 'fr', entries: [] });
  await (await server.next()).respond(400, { error: 'glossaries: at most 1 glossaries can be saved', code: 'bad_request' });
  expect(store.getState().syncNotice).toBe('glossaries: at most 1 glossaries can be saved');
  expect(store.getState().glossaries.map((g) => g.name)).toEqual(['One', 'Two']);
});
