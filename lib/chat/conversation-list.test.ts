import { describe, expect, it } from 'vitest';
import { listConversationIds } from './conversation-list';
import type { Conversation } from './types';

const conversation = (id: string, updatedAt: number, createdAt = 0): Conversation => ({ id, title: id, createdAt, updatedAt, settings: {}, messages: [] });

describe('listConversationIds', () => {
  it('lists newest first, the one created later first when both were touched at once', () => {
    expect(listConversationIds({ a: conversation('a', 1), b: conversation('b', 3), c: conversation('c', 2), d: conversation('d', 3, 5) })).toEqual(['d', 'b', 'c', 'a']);
  });
});
