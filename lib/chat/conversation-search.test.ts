import { describe, expect, it } from 'vitest';
import { ConversationSearch } from './conversation-search';
import type { ChatMessage, Conversation } from './types';

const conversation = (id: string, updatedAt: number, title: string, texts: string[] = []): Conversation => ({
  id,
  title,
  createdAt: 0,
  updatedAt,
  settings: {},
  messages: texts.map((text, index): ChatMessage => ({ id: `${id}-${index}`, role: index % 2 ? 'assistant' : 'user', text, createdAt: 0 })),
});

const all = {
  a: conversation('a', 1, 'Pasta recipes', ['How do I make carbonara?', 'Whisk eggs with pecorino, then toss with hot spaghetti.']),
  b: conversation('b', 3, 'Trip to Lisbon', ['Where to eat?', 'Try the Pastéis de Belém near the monastery.']),
  c: conversation('c', 2, 'Rust lifetimes', ['Why does the borrow checker complain?']),
};

const search = (query: string, conversations: Record<string, Conversation> = all) => new ConversationSearch().search(conversations, query);

describe('ConversationSearch', () => {
  it('lists every conversation newest first for an empty or wordless query, matching nothing', () => {
    expect(search('')).toEqual({ ids: ['b', 'c', 'a'], matches: {} });
    expect(search('  ?! ').ids).toEqual(['b', 'c', 'a']);
  });

  it('finds a word from an answer body and says which message it is in', () => {
    const { ids, matches } = search('pecorino');
    expect(ids).toEqual(['a']);
    expect(matches.a).toMatchObject({ messageId: 'a-1', terms: ['pecorino'] });
  });

  it('says when it was the title that matched', () => {
    expect(search('lifetimes').matches.c).toMatchObject({ messageId: undefined, snippet: { text: 'Rust lifetimes', ranges: [[5, 14]] } });
  });

  it('ignores case and accents, both ways', () => {
    expect(search('PASTEIS').ids).toEqual(['b']);
    expect(search('pastéis').ids).toEqual(['b']);
    expect(search('belem').matches.b?.snippet.text).toContain('Belém');
  });

  it('finds words by their beginning as they are typed', () => {
    expect(search('carbo').ids).toEqual(['a']);
    expect(search('spag').matches.a?.terms).toEqual(['spaghetti']);
  });

  it('forgives a typo in a word of four letters or more, not in a shorter one', () => {
    expect(search('carbonera').ids).toEqual(['a']);
    expect(search('monastary').ids).toEqual(['b']);
    expect(search('eat').ids).toEqual(['b']);
    expect(search('ear').ids).toEqual([]);
  });

  it('needs every word of the query in the conversation, though not in one message', () => {
    expect(search('carbonara spaghetti').ids).toEqual(['a']);
    expect(search('carbonara lisbon').ids).toEqual([]);
  });

  it('ranks the better match first, and equal matches newest first', () => {
    const conversations = {
      once: conversation('once', 9, 'Notes', ['We talked about the garden and some other things at length, here and there.']),
      often: conversation('often', 1, 'Garden', ['Garden plans: the garden in spring.']),
      older: conversation('older', 2, 'Same', ['tomatoes']),
      newer: conversation('newer', 5, 'Same', ['tomatoes']),
    };
    expect(search('garden', conversations).ids).toEqual(['often', 'once']);
    expect(search('tomatoes', conversations).ids).toEqual(['newer', 'older']);
  });

  it('cuts a snippet of about 80 characters around the first match, with the matched ranges', () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(3) + 'The answer is forty-two,\nwhich is the answer. ' + 'Sed do eiusmod tempor. '.repeat(4);
    const { snippet } = search('answer', { x: conversation('x', 1, 'Long', [long]) }).matches.x!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(84);
    expect(snippet.text).not.toContain('\n');
    expect(snippet.ranges).toHaveLength(2);
    for (const [start, end] of snippet.ranges) expect(snippet.text.slice(start, end)).toBe('answer');
  });

  describe('kept in step with the conversations', () => {
    it('re-indexes a conversation that changed, and only that one', () => {
      const index = new ConversationSearch();
      const before = { ...all };
      expect(index.search(before, 'gnocchi').ids).toEqual([]);

      // The store gives a changed conversation a new object; an unchanged one keeps its object, so
      // text written into it in place is not seen (it was not re-indexed).
      const a = { ...all.a, messages: [...all.a.messages, { id: 'a-2', role: 'user', text: 'And gnocchi?', createdAt: 0 } satisfies ChatMessage] };
      const c = structuredClone(all.c);
      const after = { ...before, a, c };
      expect(index.search(after, 'gnocchi').ids).toEqual(['a']);
      c.messages[0]!.text = 'gnocchi too';
      expect(index.search(after, 'gnocchi').ids).toEqual(['a']);
    });

    it('follows a message that grows and a title that is renamed', () => {
      const index = new ConversationSearch();
      const streaming = (text: string) => ({ ...all, c: { ...all.c, messages: [{ ...all.c.messages[0]!, text }] } });
      expect(index.search(streaming('The borrow'), 'borrow').ids).toEqual(['c']);
      const grown = streaming('The borrow checker wants lifetimes annotated');
      expect(index.search(grown, 'annotated').matches.c?.messageId).toBe('c-0');
      expect(index.search({ ...grown, c: { ...grown.c, title: 'Ownership' } }, 'ownership').ids).toEqual(['c']);
      expect(index.search({ ...grown, c: { ...grown.c, title: 'Ownership' } }, 'rust').ids).toEqual([]);
    });

    it('forgets a deleted conversation and a deleted message', () => {
      const index = new ConversationSearch();
      expect(index.search(all, 'carbonara').ids).toEqual(['a']);
      const { a: _deleted, ...rest } = all;
      expect(index.search(rest, 'carbonara').ids).toEqual([]);
      expect(index.search(rest, 'pasta').ids).toEqual([]);
      const withoutAnswer = { ...rest, b: { ...all.b, messages: all.b.messages.slice(0, 1) } };
      expect(index.search(withoutAnswer, 'belem').ids).toEqual([]);
    });

    it('catches up in slices: stops when its time is up, and is in step once it says so', () => {
      const index = new ConversationSearch();
      expect(index.catchUp(all, -1)).toBe(false);
      expect(index.catchUp(all)).toBe(true);
      const renamed = { ...all, c: { ...all.c, title: 'Ownership' } };
      expect(index.catchUp(renamed, -1)).toBe(false);
      expect(index.catchUp(renamed)).toBe(true);
      expect(index.catchUp(renamed, -1)).toBe(true);
      expect(index.search(renamed, 'ownership').ids).toEqual(['c']);
    });

    it('does not keep a match whose conversation was re-indexed by a catch-up between two searches', () => {
      const index = new ConversationSearch();
      const first = index.search(all, 'rust');
      const renamed = { ...all, c: { ...all.c, title: 'Rust ownership' } };
      index.catchUp(renamed);
      expect(index.search(renamed, 'rust').matches.c).not.toBe(first.matches.c);
      expect(index.search(renamed, 'rust').matches.c?.snippet.text).toBe('Rust ownership');
    });

    it('keeps an unchanged match as the same object for the same query, so its row does not re-render', () => {
      const index = new ConversationSearch();
      const first = index.search(all, 'the');
      const second = index.search({ ...all, c: { ...all.c, updatedAt: 4 } }, 'the');
      expect(second.matches.b).toBe(first.matches.b);
      expect(second.matches.c).not.toBe(first.matches.c);
      expect(index.search(all, 'the ').matches.b).not.toBe(first.matches.b);
    });
  });
});
