import { describe, expect, test } from 'vitest';
import { mergeConversations, mergeMessages, versionOf } from './conversation-merge';
import type { ChatMessage, Conversation } from './types';

const message = (id: string, createdAt: number, fields: Partial<ChatMessage> = {}): ChatMessage => ({ id, role: 'user', text: id, createdAt, ...fields });

const conversation = (updatedAt: number, messages: ChatMessage[], fields: Partial<Conversation> = {}): Conversation => ({
  id: 'c',
  title: `saved at ${updatedAt}`,
  createdAt: 0,
  updatedAt,
  messages,
  settings: { temperature: updatedAt },
  ...fields,
});

const texts = (merged: Conversation) => merged.messages.map((kept) => kept.text);

test('a message’s version is when it last changed, else when it was made', () => {
  expect(versionOf(message('m', 5))).toBe(5);
  expect(versionOf(message('m', 5, { updatedAt: 9 }))).toBe(9);
});

describe('mergeConversations', () => {
  test('with the version a device last had (basedOn), what another device added meanwhile is kept, and what this one cut goes', () => {
    // Both devices had [a, b] at version 10. One appended c (saved at 20); this one cut b and appended d, stamping 30.
    const stored = conversation(20, [message('a', 1), message('b', 2), message('c', 15)]);
    const incoming = conversation(30, [message('a', 1), message('d', 25)]);
    expect(texts(mergeConversations(stored, incoming, { basedOn: 10 }))).toEqual(['a', 'c', 'd']);
    // Without it, this device's later save looks as if it had seen c, and c goes.
    expect(texts(mergeConversations(stored, incoming))).toEqual(['a', 'd']);
  });

  test('of a message both copies hold, the newer version wins, whichever side it is on', () => {
    const stored = conversation(10, [message('a', 1, { text: 'a stored', updatedAt: 8 }), message('b', 2, { text: 'b stored', updatedAt: 3 })]);
    const incoming = conversation(11, [message('a', 1, { text: 'a incoming', updatedAt: 4 }), message('b', 2, { text: 'b incoming', updatedAt: 9 })]);
    expect(texts(mergeConversations(stored, incoming))).toEqual(['a stored', 'b incoming']);
    expect(texts(mergeConversations(incoming, stored))).toEqual(['a stored', 'b incoming']);
  });

  test('on equal versions the incoming copy wins', () => {
    const merged = mergeConversations(conversation(5, [message('a', 1, { text: 'stored' })]), conversation(5, [message('a', 1, { text: 'incoming' })]));
    expect(texts(merged)).toEqual(['incoming']);
  });

  test('a message only one side holds stays when it is newer than the other side’s last save, and goes when not', () => {
    const stored = conversation(10, [message('kept', 1), message('new-on-server', 12), message('deleted-on-device', 9)]);
    const incoming = conversation(11, [message('kept', 1), message('new-on-device', 11), message('deleted-on-server', 10)]);
    expect(mergeConversations(stored, incoming).messages.map(({ id }) => id)).toEqual(['kept', 'new-on-device', 'new-on-server']);
  });

  test('messages are ordered by when they were made, each side keeping its own order on equal times, the stored side first', () => {
    // Saved before any of these messages were made: every one is new to the other side.
    const stored = conversation(0, [message('s1', 1), message('s2', 3), message('s3', 3), message('shared', 4)]);
    const incoming = conversation(0, [message('i1', 2), message('i2', 3), message('shared', 4), message('i3', 5)].map((kept) => ({ ...kept, updatedAt: 9 })));
    expect(mergeConversations(stored, incoming).messages.map(({ id }) => id)).toEqual(['s1', 'i1', 's2', 's3', 'i2', 'shared', 'i3']);
  });

  test('title and settings come from the copy saved last, updatedAt is the later and createdAt the earlier', () => {
    const older = conversation(5, [], { createdAt: 2 });
    const newer = conversation(9, [], { createdAt: 3 });
    for (const merged of [mergeConversations(older, newer), mergeConversations(newer, older)]) {
      expect(merged).toStrictEqual({ id: 'c', title: 'saved at 9', createdAt: 2, updatedAt: 9, messages: [], settings: { temperature: 9 } });
    }
  });
});

test('mergeMessages keeps a message one side only holds as `keepsUnshared` says, and one copy of a message a side holds twice', () => {
  const stored = [message('a', 1), message('b', 2)];
  const incoming = [message('c', 3), message('c', 3, { text: 'again', updatedAt: 4 })];
  expect(mergeMessages(stored, incoming, () => true).map(({ id }) => id)).toEqual(['a', 'b', 'c']);
  expect(mergeMessages(stored, incoming, (_, side) => side === 'incoming').map(({ text }) => text)).toEqual(['again']);
});

test('the newer copy of a message keeps the older copy’s attachments and versions when it has none', () => {
  const attachments = [{ id: 'f', name: 'a.png', mediaType: 'image/png', size: 3, kind: 'image' as const }];
  const versions = { others: [[message('old', 1)]], index: 1 };
  const older = message('m', 1, { attachments, versions });
  const [merged] = mergeMessages([older], [message('m', 1, { updatedAt: 5, text: 'newer' })], () => true);
  expect(merged).toStrictEqual({ ...message('m', 1, { updatedAt: 5, text: 'newer' }), attachments, versions });
  const otherVersions = { others: [[message('other', 1)]], index: 0 };
  expect(mergeMessages([older], [message('m', 1, { updatedAt: 5, versions: otherVersions })], () => true)[0]!.versions).toBe(otherVersions);
});

test('a message set aside as a version is not also on screen: the newer holder decides', () => {
  const setAside = [message('q', 2), message('a', 3)];
  const edited = message('q2', 4, { versions: { others: [setAside], index: 1 } });
  // The server still had the old branch (its answer saved as it streamed) when this browser sent the edit.
  const stored = conversation(5, [message('f', 1), ...setAside, message('q2', 4), message('a2', 4)]);
  const incoming = conversation(6, [message('f', 1), edited, message('a2', 4)]);
  expect(texts(mergeConversations(stored, incoming, { basedOn: 0 }))).toEqual(['f', 'q2', 'a2']);
  // Another device switched back to the old branch later: its version wins, the edit is set aside.
  const switchedBack = message('q', 2, { updatedAt: 9, versions: { others: [[message('q2', 4), message('a2', 4)]], index: 0 } });
  const later = conversation(9, [message('f', 1), switchedBack, message('a', 3, { updatedAt: 9 })]);
  expect(texts(mergeConversations(incoming, later, { basedOn: 0 }))).toEqual(['f', 'q', 'a']);
});
