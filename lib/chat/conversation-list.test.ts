import { describe, expect, it } from 'vitest';
import { listConversationIds } from './conversation-list';
import type { Conversation } from './types';

const conversation = (id: string, updatedAt: number, title: string, texts: string[] = []): Conversation => ({
  id,
  title,
  createdAt: 0,
  updatedAt,
  settings: {},
  messages: texts.map((text, index) => ({ id: `${id}-${index}`, role: index % 2 ? 'assistant' : 'user', text, createdAt: 0 })),
});

const all = {
  a: conversation('a', 1, 'Pasta recipes', ['How do I make carbonara?']),
  b: conversation('b', 3, 'Trip to Lisbon', ['Where to eat?', 'Try the Pastéis de Belém.']),
  c: conversation('c', 2, 'Rust lifetimes'),
};

describe('listConversationIds', () => {
  it('lists newest first', () => {
    expect(listConversationIds(all)).toEqual(['b', 'c', 'a']);
  });

  it('searches titles and message text, ignoring case', () => {
    expect(listConversationIds(all, 'RUST')).toEqual(['c']);
    expect(listConversationIds(all, 'carbonara')).toEqual(['a']);
    expect(listConversationIds(all, 'pas')).toEqual(['b', 'a']);
    expect(listConversationIds(all, 'nothing like this')).toEqual([]);
  });
});
