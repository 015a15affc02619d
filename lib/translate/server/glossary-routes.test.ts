import { expect, test } from 'vitest';
import type { OwnerList } from '@/lib/db/owner-list-store';
import type { Glossary } from '../glossary';
import { glossaryListSchema } from '../glossary-schema';
import { getGlossariesRoute, saveGlossariesRoute, type GlossaryRoute } from './glossary-routes';

const legal: Glossary = { id: 'g1', name: 'Legal', source: 'en', target: 'de', entries: [{ source: 'invoice', target: 'Rechnung' }], updatedAt: 10 };

function routes() {
  const kept = new Map<string, OwnerList<'glossaries', Glossary>>();
  const limits = { maxGlossaries: 2, maxTerms: 2 };
  const route: GlossaryRoute = {
    field: 'glossaries',
    store: async () => ({
      get: async (ownerId) => kept.get(ownerId) ?? { glossaries: [], updatedAt: 0 },
      save: async (ownerId, list) => {
        if ((kept.get(ownerId)?.updatedAt ?? -1) <= list.updatedAt) kept.set(ownerId, list);
        return kept.get(ownerId)!;
      },
      removeOwner: async () => undefined,
      transfer: async () => undefined,
    }),
    ownerOf: async () => ({ kind: 'guest', ownerId: 'guest:me' }),
    limits: { admitRequest: async () => null },
    shown: limits,
    schema: glossaryListSchema(limits),
    maxBytes: 64 * 1024,
    unavailable: 'down',
  };
  const put = (body: unknown) =>
    saveGlossariesRoute(() => route)(new Request('http://rill.test/api/glossaries', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { kept, put, get: () => getGlossariesRoute(() => route)(new Request('http://rill.test/api/glossaries')) };
}

test('GET says whose the list is and the limits; PUT keeps the list', async () => {
  const route = routes();
  expect(await (await route.get()).json()).toEqual({ glossaries: [], updatedAt: 0, owner: 'guest', maxGlossaries: 2, maxTerms: 2 });
  const saved = await route.put({ glossaries: [legal], updatedAt: 11 });
  expect(saved.status).toBe(200);
  expect(await saved.json()).toEqual({ glossaries: [legal], updatedAt: 11, owner: 'guest' });
});

test('a glossary over the term limit is a 400 saying where and why, and nothing is kept', async () => {
  const route = routes();
  const entries = ['a', 'b', 'c'].map((term) => ({ source: term, target: term }));
  const response = await route.put({ glossaries: [{ ...legal, entries }], updatedAt: 11 });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.stringMatching(/glossaries\.0\.entries: a glossary holds at most 2 terms/), code: 'bad_request' });
  expect(route.kept.size).toBe(0);
});
