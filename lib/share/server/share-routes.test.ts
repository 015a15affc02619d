import { expect, test } from 'vitest';
import type { Conversation } from '@/lib/chat/types';
import type { ShareStore } from '@/lib/db/share-store';
import type { ShareLink, ShareRead } from '@/lib/db/share-store';
import { createShareRoute, listSharesRoute, readShareRoute, revokeShareRoute, type ShareServices } from './share-routes';

const conversation: Conversation = {
  id: 'c1',
  title: 'Plans',
  createdAt: 1,
  updatedAt: 2,
  messages: [{ id: 'm1', role: 'user', text: 'hello', createdAt: 1 }],
  settings: { system: 'Top secret instructions', temperature: 0.3 },
};

/** A store in memory that remembers what it kept, and services around it; `over` makes a budget refuse. */
function shareRoutes({ owner = 'guest:me' as string | null, overRequests = false, overCreates = false, maxBytes = 10_000, failing = false } = {}) {
  const kept = new Map<string, { ownerId: string; snapshot: Conversation; link: ShareLink; revoked?: boolean }>();
  const spentBy: string[] = [];
  const store: ShareStore = {
    create: async (ownerId, snapshot, { expiresAt, now = 0 }) => {
      const link = { id: `share-${kept.size + 1}`.padEnd(22, 'x'), createdAt: now, expiresAt };
      kept.set(link.id, { ownerId, snapshot, link });
      return link;
    },
    read: async (id): Promise<ShareRead> => {
      const share = kept.get(id);
      if (!share) return { status: 'missing' };
      return share.revoked ? { status: 'revoked' } : { status: 'ok', share: { ...share.link, conversation: share.snapshot } };
    },
    listLive: async (ownerId, conversationId) => [...kept.values()].filter((share) => share.ownerId === ownerId && share.snapshot.id === conversationId && !share.revoked).map((share) => share.link),
    revoke: async (ownerId, id) => {
      const share = kept.get(id);
      if (share?.ownerId !== ownerId) return false;
      share.revoked = true;
      return true;
    },
    transfer: async () => undefined,
    removeOwner: async () => 0,
  };
  const services: ShareServices = {
    shares: async () => (failing ? Promise.reject(new Error('connection refused')) : store),
    ownerOf: async () => (owner ? { kind: 'guest', ownerId: owner } : null),
    limits: { admitRequest: async () => (overRequests ? { reason: 'requests', retryAfter: 3, message: 'Too many requests.' } : null) },
    creates: { spend: async (client) => (spentBy.push(client), overCreates ? { retryAfter: 120 } : null) },
    config: { maxBytes, createsPerHour: 30 },
    maxConversationBytes: 20_000,
  };
  const json = { 'content-type': 'application/json' };
  const params = (shareId: string) => ({ params: Promise.resolve({ shareId }) });
  return {
    kept,
    spentBy,
    create: (body: unknown, headers: Record<string, string> = json) => createShareRoute(() => services)(new Request('http://rill.test/api/shares', { method: 'POST', headers, body: JSON.stringify(body) })),
    list: (query: string) => listSharesRoute(() => services)(new Request(`http://rill.test/api/shares${query}`)),
    revoke: (id: string) => revokeShareRoute(() => services)(new Request(`http://rill.test/api/shares/${id}`, { method: 'DELETE' }), params(id)),
    read: (id: string) => readShareRoute(() => services)(new Request(`http://rill.test/api/shares/${id}`), params(id)),
  };
}

test('creates a link to a snapshot without the settings unless asked, and lists it for its owner', async () => {
  const routes = shareRoutes();
  const response = await routes.create({ conversation, includeSettings: false });
  expect(response.status).toBe(201);
  const { link } = (await response.json()) as { link: ShareLink };
  expect(link.expiresAt).toBeNull();
  expect(routes.kept.get(link.id)).toMatchObject({ ownerId: 'guest:me', snapshot: { id: 'c1', settings: {} } });

  const read = await routes.read(link.id);
  expect(read.status).toBe(200);
  expect(JSON.stringify(await read.json())).not.toContain('Top secret');

  expect(await (await routes.list('?conversationId=c1')).json()).toEqual({ links: [link] });
  expect(await (await routes.list('?conversationId=other')).json()).toEqual({ links: [] });
});

test('with consent the settings go along; an expiry is counted in days from now', async () => {
  const routes = shareRoutes();
  const before = Date.now();
  const { link } = (await (await routes.create({ conversation, includeSettings: true, expiresInDays: 7 })).json()) as { link: ShareLink };
  expect(routes.kept.get(link.id)!.snapshot.settings).toEqual(conversation.settings);
  expect(link.expiresAt! - link.createdAt).toBe(7 * 24 * 60 * 60 * 1000);
  expect(link.createdAt).toBeGreaterThanOrEqual(before);
});

test.each([
  ['an expiry that is not offered', { conversation, includeSettings: false, expiresInDays: 2 }, /expiresInDays/],
  ['no word on the settings', { conversation }, /includeSettings/],
  ['a conversation of the wrong shape', { conversation: { ...conversation, messages: 'hi' }, includeSettings: false }, /conversation\.messages/],
])('refuses %s with a 400 that says why, and creates nothing', async (_name, body, error) => {
  const routes = shareRoutes();
  const response = await routes.create(body);
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: string }).error).toMatch(error);
  expect(routes.kept.size).toBe(0);
  expect(routes.spentBy).toEqual([]);
});

test('a snapshot over the size limit is a 413 that says how large it is, and costs nothing of the hourly budget', async () => {
  const routes = shareRoutes({ maxBytes: 2_000 });
  const long = { ...conversation, messages: [{ id: 'm1', role: 'user', text: 'x'.repeat(5_000), createdAt: 1 }] };
  const response = await routes.create({ conversation: long, includeSettings: false });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ code: 'too_large', error: expect.stringMatching(/too long to share/) });
  expect(routes.spentBy).toEqual([]);
  // A body past what the server keeps of any conversation is not even read.
  const huge = await routes.create({ conversation: { ...conversation, messages: [{ id: 'm1', role: 'user', text: 'x'.repeat(30_000), createdAt: 1 }] }, includeSettings: false });
  expect(huge.status).toBe(413);
});

test('past the hourly budget, a 429 with retry-after; past the request budget too', async () => {
  const overCreates = await shareRoutes({ overCreates: true }).create({ conversation, includeSettings: false });
  expect(overCreates.status).toBe(429);
  expect(overCreates.headers.get('retry-after')).toBe('120');
  expect(await overCreates.json()).toMatchObject({ code: 'rate_limited', retryAfter: 120, error: expect.stringMatching(/Try again in 2 min/) });

  const overRequests = await shareRoutes({ overRequests: true }).list('?conversationId=c1');
  expect(overRequests.status).toBe(429);
  expect(overRequests.headers.get('retry-after')).toBe('3');
});

test('only the owner revokes; a revoked link reads as a 410 that says so', async () => {
  const routes = shareRoutes();
  const { link } = (await (await routes.create({ conversation, includeSettings: false })).json()) as { link: ShareLink };
  routes.kept.get(link.id)!.ownerId = 'guest:someone-else';
  expect((await routes.revoke(link.id)).status).toBe(404);
  routes.kept.get(link.id)!.ownerId = 'guest:me';
  expect((await routes.revoke(link.id)).status).toBe(204);
  const read = await routes.read(link.id);
  expect(read.status).toBe(410);
  expect(await read.json()).toMatchObject({ error: 'This link was revoked by its owner.' });
  expect((await routes.read('nothing-here-at-all-xx')).status).toBe(404);
});

test('a visitor with no owner yet has no links to list or revoke', async () => {
  const routes = shareRoutes({ owner: null });
  expect(await (await routes.list('?conversationId=c1')).json()).toEqual({ links: [] });
  expect((await routes.revoke('share-1xxxxxxxxxxxxxxxx')).status).toBe(404);
  expect((await routes.list('')).status).toBe(400);
});

test('a database that does not answer is a 503 with a message; another site’s request a 403; a body not JSON a 415', async () => {
  const down = await shareRoutes({ failing: true }).create({ conversation, includeSettings: false });
  expect(down.status).toBe(503);
  expect(await down.json()).toMatchObject({ code: 'unavailable', error: expect.stringMatching(/could not be reached/) });
  const routes = shareRoutes();
  expect((await routes.create({ conversation, includeSettings: false }, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  expect((await routes.create({ conversation, includeSettings: false }, { 'content-type': 'text/plain' })).status).toBe(415);
});
