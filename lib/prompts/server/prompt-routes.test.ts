import { expect, test } from 'vitest';
import type { RequestOwner } from '@/lib/accounts/server/accounts';
import type { PromptLibraryStore } from '@/lib/db/prompt-library-store';
import type { PromptLibrary, SavedPrompt } from '@/lib/prompts/saved-prompt';
import { getPromptsRoute, promptsUnavailableMessage, savePromptsRoute, type PromptServices } from './prompt-routes';

const bug: SavedPrompt = { id: 'p1', name: 'Bug report', text: 'Steps to reproduce:', updatedAt: 10 };

/** The routes on an in-memory library, for the owner given (a guest unless said). */
function routes({ owner = { kind: 'guest', ownerId: 'guest:me' } as RequestOwner | null, maxSaved = 3, down = false } = {}) {
  const kept = new Map<string, PromptLibrary>();
  const library: PromptLibraryStore = {
    get: async (ownerId) => kept.get(ownerId) ?? { prompts: [], updatedAt: 0 },
    save: async (ownerId, incoming) => {
      const stored = kept.get(ownerId);
      if (!stored || stored.updatedAt <= incoming.updatedAt) kept.set(ownerId, incoming);
      return kept.get(ownerId)!;
    },
    removeOwner: async () => undefined,
    transfer: async () => undefined,
  };
  const asked: boolean[] = [];
  const services: PromptServices = {
    library: async () => (down ? Promise.reject(new Error('connection refused')) : library),
    ownerOf: async (_, { newGuest }) => (asked.push(newGuest), owner),
    limits: { admitRequest: async () => null },
    maxSaved,
  };
  const GET = getPromptsRoute(() => services);
  const PUT = savePromptsRoute(() => services);
  const put = (body: unknown) => PUT(new Request('http://rill.test/api/prompts', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { kept, asked, get: (headers: Record<string, string> = {}) => GET(new Request('http://rill.test/api/prompts', { headers })), put };
}

test('a visitor with nothing saved gets an empty list, and no guest is made for a read', async () => {
  const route = routes({ owner: null });
  const response = await route.get();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ prompts: [], updatedAt: 0, owner: 'guest', maxSaved: 3 });
  expect(route.asked).toEqual([false]);
});

test('a save keeps the list and returns it; an older list does not replace a newer one', async () => {
  const route = routes({ owner: { kind: 'user', ownerId: 'user:u1', user: { id: 'u1', name: 'U', email: 'u@example.test' } } });
  const saved = await route.put({ prompts: [bug], updatedAt: 20 });
  expect(saved.status).toBe(200);
  expect(await saved.json()).toEqual({ prompts: [bug], updatedAt: 20, owner: 'user:u1' });
  expect(route.asked).toEqual([true]);

  const older = await route.put({ prompts: [], updatedAt: 5 });
  expect(await older.json()).toEqual({ prompts: [bug], updatedAt: 20, owner: 'user:u1' });
  expect(await (await route.get()).json()).toMatchObject({ prompts: [bug], updatedAt: 20, owner: 'user:u1' });
});

test.each([
  ['a name over 100 characters', { prompts: [{ ...bug, name: 'x'.repeat(101) }], updatedAt: 1 }, /prompts\.0\.name: a prompt's name is at most 100 characters/],
  ['a text over 20,000 characters', { prompts: [{ ...bug, text: 'x'.repeat(20_001) }], updatedAt: 1 }, /prompts\.0\.text: a prompt's text is at most 20,000 characters/],
  ['more prompts than may be kept', { prompts: ['a', 'b', 'c', 'd'].map((id) => ({ ...bug, id })), updatedAt: 1 }, /prompts: at most 3 prompts can be saved/],
  ['a list without its time', { prompts: [] }, /updatedAt/],
])('refuses %s with a 400 that says why, and keeps nothing', async (_, body, message) => {
  const route = routes();
  const response = await route.put(body);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.stringMatching(message), code: 'bad_request' });
  expect(route.kept.size).toBe(0);
});

test('a session that ended is a 401 signed_out', async () => {
  const response = await routes({ owner: { kind: 'signed-out' } }).get();
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ code: 'signed_out' });
});

test('a database that cannot be reached is a 503 the browser waits out', async () => {
  const response = await routes({ down: true }).put({ prompts: [bug], updatedAt: 1 });
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(await response.json()).toEqual({ error: promptsUnavailableMessage, code: 'unavailable', retryAfter: 5 });
});

test('a request from another site is refused before anything is read', async () => {
  const route = routes();
  const response = await route.get({ 'sec-fetch-site': 'cross-site' });
  expect(response.status).toBe(403);
  expect(route.asked).toEqual([]);
});
