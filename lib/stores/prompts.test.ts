import { expect, test, vi } from 'vitest';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { SavedPrompt } from '@/lib/prompts/saved-prompt';
import { fakeFetch } from './fake-fetch';
import { createPromptsStore, PROMPTS_STORAGE_KEY } from './prompts';

const bug: SavedPrompt = { id: 'p1', name: 'Bug report', text: 'Steps to reproduce:', updatedAt: 10 };
const review: SavedPrompt = { id: 'p2', name: 'Code review', text: 'Review this:', updatedAt: 20 };

type Kept = { prompts: SavedPrompt[]; updatedAt: number; owner?: string };

/** A browser's storage holding `saved` (nothing when not given). */
function memoryStorage(saved?: Kept): PersistStorage<Kept> & { kept: Map<string, StorageValue<Kept>> } {
  const kept = new Map<string, StorageValue<Kept>>(saved ? [[PROMPTS_STORAGE_KEY, { state: saved, version: 1 }]] : []);
  return { kept, getItem: (name) => kept.get(name) ?? null, setItem: (name, value) => void kept.set(name, value), removeItem: (name) => void kept.delete(name) };
}

function setUp(saved?: Kept) {
  const server = fakeFetch();
  const storage = memoryStorage(saved);
  const store = createPromptsStore({ fetch: server.fetch as typeof fetch, storage, debounceMs: 5, retryMs: 5 });
  return { server, storage, store };
}

test('starting brings in the server’s newer list; a change is saved after a pause, as the whole list', async () => {
  const { server, store, storage } = setUp({ prompts: [bug], updatedAt: 10, owner: 'guest' });
  store.getState().start();
  const pulled = await server.next();
  expect(pulled.url).toBe('/api/prompts');
  await pulled.respond(200, { prompts: [bug, review], updatedAt: 30, owner: 'guest', maxSaved: 200 });
  expect(store.getState()).toMatchObject({ prompts: [bug, review], updatedAt: 30, maxSaved: 200, syncNotice: null });

  store.getState().remove('p1');
  const added = store.getState().add({ name: 'Summary', text: 'Sum up:' });
  const saved = await server.next();
  expect(saved.method).toBe('PUT');
  expect(saved.body).toEqual({ prompts: [review, added], updatedAt: store.getState().updatedAt });
  await saved.respond(200, { ...(saved.body as object), owner: 'guest' });
  expect(server.requests).toHaveLength(2);
  expect(storage.kept.get(PROMPTS_STORAGE_KEY)?.state).toMatchObject({ prompts: [review, added], owner: 'guest' });
});

test('a list newer here than on the server is saved there once brought in', async () => {
  const { server, store } = setUp({ prompts: [bug], updatedAt: 50, owner: 'guest' });
  store.getState().start();
  await (await server.next()).respond(200, { prompts: [], updatedAt: 0, owner: 'guest' });
  const saved = await server.next();
  expect(saved.body).toEqual({ prompts: [bug], updatedAt: 50 });
});

test('with the server down, the prompts stay here, the notice says so, and they are saved once it is back', async () => {
  const { server, store } = setUp();
  store.getState().start();
  await (await server.next()).respond(200, { prompts: [], updatedAt: 0, owner: 'guest' });
  store.getState().add({ name: 'Bug report', text: 'Steps:' });
  await (await server.next()).respond(503, { error: 'Your saved prompts could not be reached', code: 'unavailable', retryAfter: 0.01 }, { 'retry-after': '0' });
  expect(store.getState().syncNotice).toMatch(/could not be reached/);
  expect(store.getState().prompts).toHaveLength(1);
  const retried = await server.next();
  expect(retried.method).toBe('PUT');
  await retried.respond(200, { ...(retried.body as object), owner: 'guest' });
  await vi.waitFor(() => expect(store.getState().syncNotice).toBeNull());
});

test('a refused list is kept here and the notice says why; it is not sent again until it changes', async () => {
  const { server, store } = setUp();
  store.getState().start();
  await (await server.next()).respond(200, { prompts: [], updatedAt: 0, owner: 'guest' });
  store.getState().add({ name: 'One too many', text: 'x' });
  await (await server.next()).respond(400, { error: 'prompts: at most 1 prompts can be saved', code: 'bad_request' });
  expect(store.getState().syncNotice).toBe('prompts: at most 1 prompts can be saved');
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(server.requests).toHaveLength(2);
});

test('a guest who signed in brings their prompts into the account’s, and saves the merged list', async () => {
  const { server, store } = setUp({ prompts: [bug], updatedAt: 10, owner: 'guest' });
  store.getState().start();
  await (await server.next()).respond(200, { prompts: [review], updatedAt: 40, owner: 'user:u1' });
  expect(store.getState()).toMatchObject({ prompts: [review, bug], owner: 'user:u1' });
  const saved = await server.next();
  expect(saved.body).toMatchObject({ prompts: [review, bug] });
  expect((saved.body as { updatedAt: number }).updatedAt).toBeGreaterThan(40);
});

test('another owner’s list replaces an account’s in this browser, even when older', async () => {
  const { server, store } = setUp({ prompts: [bug], updatedAt: 90, owner: 'user:u1' });
  store.getState().start();
  await (await server.next()).respond(200, { prompts: [], updatedAt: 0, owner: 'guest' });
  expect(store.getState()).toMatchObject({ prompts: [], updatedAt: 0, owner: 'guest' });
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(server.requests).toHaveLength(1);
});

test('importing merges by id, the newer copy winning', async () => {
  const { store } = setUp();
  store.setState({ prompts: [bug, review] });
  store.getState().importPrompts([{ ...bug, text: 'newer', updatedAt: 99 }, { ...review, text: 'older', updatedAt: 1 }]);
  expect(store.getState().prompts).toEqual([{ ...bug, text: 'newer', updatedAt: 99 }, review]);
});
