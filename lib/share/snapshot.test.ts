import { expect, test } from 'vitest';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import { copyOfSnapshot, snapshotOf } from './snapshot';

const T0 = 1_767_225_600_000;

const question: ChatMessage = {
  id: 'q',
  role: 'user',
  text: 'Which colour?',
  createdAt: T0,
  updatedAt: T0 + 5,
  attachments: [{ id: 'a1', name: 'palette.png', mediaType: 'image/png', size: 10, kind: 'image' }],
  versions: { others: [[{ id: 'q0', role: 'user', text: 'Which color?', createdAt: T0 - 1 }]], index: 1 },
};
const answer: ChatMessage = {
  id: 'a',
  role: 'assistant',
  text: 'Blue.',
  reasoning: 'They asked about colour.',
  createdAt: T0 + 1,
  status: 'done',
  streamId: 'stream-of-the-owner',
  metadata: { model: 'gpt-4o', reasoningMs: 1_200, inputTokens: 12, outputTokens: 3, ttftMs: 80 },
};
const conversation: Conversation = {
  id: 'c',
  title: 'Colours',
  createdAt: T0,
  updatedAt: T0 + 9,
  messages: [question, answer],
  settings: { system: 'You work for ACME. Never mention the codename.', model: 'gpt-4o', temperature: 0.2 },
};

test('without consent, a snapshot holds no settings, and not the model either', () => {
  const snapshot = snapshotOf(conversation, { includeSettings: false });
  expect(snapshot.settings).toEqual({});
  expect(JSON.stringify(snapshot)).not.toMatch(/ACME|gpt-4o/);
  expect(snapshot.messages[1]!.metadata).toEqual({ reasoningMs: 1_200 });
});

test('with consent, the settings and each answer’s model go too', () => {
  const snapshot = snapshotOf(conversation, { includeSettings: true });
  expect(snapshot.settings).toEqual(conversation.settings);
  expect(snapshot.messages[1]!.metadata).toEqual({ model: 'gpt-4o', reasoningMs: 1_200 });
});

test('keeps the branch on screen, its reasoning and attachment references; drops other versions and stream ids', () => {
  const snapshot = snapshotOf(conversation, { includeSettings: false });
  expect(snapshot).toMatchObject({ id: 'c', title: 'Colours', createdAt: T0, updatedAt: T0 + 9 });
  const { versions: _versions, ...questionOnScreen } = question;
  expect(snapshot.messages[0]).toStrictEqual(questionOnScreen);
  const { streamId: _streamId, metadata: _metadata, ...answerOnScreen } = answer;
  expect(snapshot.messages[1]).toStrictEqual({ ...answerOnScreen, metadata: { reasoningMs: 1_200 } });
});

test('an answer still streaming ends where it was, and one with nothing worth keeping of its metadata keeps none', () => {
  const streaming: ChatMessage = { id: 's', role: 'assistant', text: 'Half an', createdAt: T0, status: 'streaming', streamId: 's1', metadata: { ttftMs: 5 } };
  const [shared] = snapshotOf({ ...conversation, messages: [streaming] }, { includeSettings: true }).messages;
  expect(shared).toStrictEqual({ id: 's', role: 'assistant', text: 'Half an', createdAt: T0, status: 'stopped' });
});

test('a reader’s copy has ids of its own throughout and is dated now, its messages unchanged otherwise', () => {
  const snapshot = snapshotOf(conversation, { includeSettings: true });
  let n = 0;
  const copy = copyOfSnapshot(snapshot, { newId: () => `new-${++n}`, now: T0 + 100 });
  expect(copy).toMatchObject({ id: 'new-1', title: 'Colours', createdAt: T0 + 100, updatedAt: T0 + 100, settings: snapshot.settings });
  expect(copy.messages.map((message) => message.id)).toEqual(['new-2', 'new-3']);
  expect(copy.messages.map(({ id: _id, ...rest }) => rest)).toEqual(snapshot.messages.map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest));
});
