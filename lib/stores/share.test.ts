import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Conversation } from '@/lib/chat/types';
import { useChatStore } from './chat/store';
import { fakeFetch } from './fake-fetch';
import { useShareStore } from './share';

let server: ReturnType<typeof fakeFetch>;
const share = () => useShareStore.getState();

const conversation: Conversation = {
  id: 'c1',
  title: 'Plans',
  createdAt: 1,
  updatedAt: 2,
  messages: [{ id: 'm1', role: 'user', text: 'hello', createdAt: 1 }],
  settings: { system: 'Be brief.' },
};
const link = (id: string) => ({ id: id.padEnd(22, 'x'), createdAt: 5, expiresAt: null });

beforeEach(() => {
  server = fakeFetch();
  vi.stubGlobal('fetch', server.fetch);
  useChatStore.setState({ conversations: { c1: conversation } });
  useShareStore.setState({ links: {}, created: null, busy: false, error: null });
});
afterEach(() => vi.unstubAllGlobals());

it('lists a conversation’s links, makes one from the conversation on screen, and revokes one', async () => {
  const loading = share().load('c1');
  await (await server.next()).respond(200, { links: [link('old')] });
  await loading;
  expect(share().links.c1).toEqual([link('old')]);

  const creating = share().create('c1', { includeSettings: false, expiresInDays: 7 });
  const request = await server.next();
  expect(request).toMatchObject({ url: '/api/shares', method: 'POST', body: { conversation, includeSettings: false, expiresInDays: 7 } });
  expect(share().busy).toBe(true);
  await request.respond(201, { link: link('new') });
  await creating;
  expect(share()).toMatchObject({ busy: false, error: null, created: { conversationId: 'c1', link: link('new') } });
  expect(share().links.c1).toEqual([link('new'), link('old')]);

  const revoking = share().revoke('c1', link('new').id);
  const revoke = await server.next();
  expect(revoke).toMatchObject({ url: `/api/shares/${link('new').id}`, method: 'DELETE' });
  await revoke.respond(204);
  await revoking;
  expect(share().links.c1).toEqual([link('old')]);
  expect(share().created).toBeNull();
});

it('a refusal is kept as the error, and the links stay as they were', async () => {
  useShareStore.setState({ links: { c1: [link('old')] } });
  const creating = share().create('c1', { includeSettings: true });
  const request = await server.next();
  expect(request.body).toEqual({ conversation, includeSettings: true });
  await request.respond(413, { error: 'This conversation is too long to share.', code: 'too_large' });
  await creating;
  expect(share()).toMatchObject({ busy: false, created: null, error: { code: 'too_large', message: 'This conversation is too long to share.' } });
  expect(share().links.c1).toEqual([link('old')]);

  share().close();
  expect(share().error).toBeNull();
});

it('Continue in my chats adds a copy with ids of its own, beside the chats already here', async () => {
  const continuing = share().continueInMyChats(link('s').id);
  const request = await server.next();
  expect(request.url).toBe(`/api/shares/${link('s').id}`);
  await request.respond(200, { share: { ...link('s'), conversation } });
  const id = await continuing;
  expect(id).toBeDefined();
  expect(id).not.toBe('c1');
  const chats = useChatStore.getState().conversations;
  expect(Object.keys(chats).sort()).toEqual(['c1', id].sort());
  expect(chats[id!]).toMatchObject({ title: 'Plans', settings: { system: 'Be brief.' }, messages: [{ role: 'user', text: 'hello' }] });
  expect(chats[id!]!.messages[0]!.id).not.toBe('m1');
});

it('a revoked link cannot be continued: it says why, and nothing is added', async () => {
  const continuing = share().continueInMyChats(link('s').id);
  await (await server.next()).respond(410, { error: 'This link was revoked by its owner.', code: 'bad_request' });
  expect(await continuing).toBeUndefined();
  expect(share().error?.message).toBe('This link was revoked by its owner.');
  expect(Object.keys(useChatStore.getState().conversations)).toEqual(['c1']);
});
