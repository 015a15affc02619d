import { expect, test } from 'vitest';
import type { Conversation } from '@/lib/chat/types';
import type { ConversationStore } from '@/lib/db/conversation-store';
import { listConversationsRoute, type HistoryServices } from './history-routes';

const kept: Conversation = { id: 'c1', title: 'Kept', createdAt: 1, updatedAt: 5, messages: [], settings: {} };

/** A store that holds `kept` and one older conversation, and remembers what it was asked. */
function listRoute() {
  const asked: unknown[] = [];
  const store = {
    list: async (ownerId: string, options?: { since?: number }) => (asked.push([ownerId, options]), options?.since === undefined ? [kept] : []),
    ids: async () => ['c0', 'c1'],
  } as unknown as ConversationStore;
  const services: HistoryServices = { store: async () => store, ownerOf: async () => ({ kind: 'guest', ownerId: 'guest:me' }), limits: { admitRequest: async () => null }, maxConversationBytes: 1_000 };
  const GET = listConversationsRoute(() => services);
  return { asked, get: (query = '') => GET(new Request(`http://rill.test/api/conversations${query}`)) };
}

test('lists every conversation, and the ids of all, without `since`', async () => {
  const route = listRoute();
  const response = await route.get();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ conversations: [kept], ids: ['c0', 'c1'], owner: { kind: 'guest' } });
  expect(route.asked).toEqual([['guest:me', { since: undefined }]]);
});

test('with `since`, asks for the conversations updated after it, and still gives every id', async () => {
  const route = listRoute();
  const response = await route.get('?since=1767225600000');
  expect(await response.json()).toEqual({ conversations: [], ids: ['c0', 'c1'], owner: { kind: 'guest' } });
  expect(route.asked).toEqual([['guest:me', { since: 1_767_225_600_000 }]]);
});

test.each(['', '-1', '1.5', '1e3', 'soon', '99999999999999999999'])('refuses since=%j with a 400 that says why', async (since) => {
  const route = listRoute();
  const response = await route.get(`?since=${since}`);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.stringContaining('`since`'), code: 'bad_request' });
  expect(route.asked).toEqual([]);
});
