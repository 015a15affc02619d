import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Conversation } from '@/lib/chat/types';
import { readConfig } from '@/lib/config';
import { createAttachmentStore, type AttachmentStore, type StoredAttachment } from './attachment-store';
import { createConversationStore } from './conversation-store';
import { openDatabase, type OpenedDatabase } from './database';

let folder: string;
let opened: OpenedDatabase;
let store: AttachmentStore;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rill-attachments-'));
  opened = await openDatabase(readConfig({ RILL_DATA_DIR: folder }));
  store = createAttachmentStore(opened.db);
}, 60_000);

afterAll(async () => {
  await opened?.close();
  await rm(folder, { recursive: true, force: true });
});

const file = (id: string, body = [1, 2, 3]): StoredAttachment => ({ id, name: `${id}.png`, mediaType: 'image/png', size: body.length, kind: 'image', body: new Uint8Array(body) });

test('keeps bodies per owner, byte for byte, once per id', async () => {
  await store.put('guest:a', file('one', [0, 255, 7]));
  await store.put('guest:a', file('one', [9]));
  expect(await store.get('guest:a', ['one', 'missing'])).toEqual([{ ...file('one', [0, 255, 7]), body: new Uint8Array([0, 255, 7]) }]);
  expect(await store.get('guest:b', ['one'])).toEqual([]);
});

test('a guest who signs up keeps their files; deleting the account deletes them', async () => {
  await store.put('guest:c', file('c1'));
  await store.put('guest:c', file('shared'));
  await store.put('user:1', file('shared'));
  await store.transfer('guest:c', 'user:1');
  expect((await store.all('user:1')).map((kept) => kept.id).sort()).toEqual(['c1', 'shared']);
  expect(await store.all('guest:c')).toEqual([]);
  expect(await store.removeOwner('user:1')).toBe(2);
});

test('pruning idle guests takes the files of guests left without a conversation, and only theirs', async () => {
  const conversations = createConversationStore(opened.db);
  const chat: Conversation = { id: 'c', title: 't', createdAt: 1, updatedAt: 1, messages: [], settings: {} };
  await conversations.save('guest:idle', chat);
  await conversations.save('guest:active', { ...chat, updatedAt: 10_000 });
  await store.put('guest:idle', file('i'), 5);
  await store.put('guest:active', file('a'), 5);
  await store.put('guest:uploaded-only', file('u'), 5);
  await store.put('user:9', file('m'), 5);
  expect(await conversations.removeIdleOwners('guest:', 100)).toBe(1);
  expect(await store.all('guest:idle')).toEqual([]);
  expect(await store.all('guest:uploaded-only')).toEqual([]);
  expect(await store.all('guest:active')).toHaveLength(1);
  expect(await store.all('user:9')).toHaveLength(1);
});
