import MiniSearch, { type SearchOptions } from 'minisearch';
import { listConversationIds, newestFirst } from './conversation-list';
import { snippetOf, type MarkedText } from './search-snippet';
import { normalizeWord, wordsOf } from './search-words';
import type { Conversation } from './types';

/** Where one conversation matched a query: enough to show the match in the list and open it there. */
export interface ConversationMatch {
  /** The message that matched best; absent when the title did. */
  messageId?: string;
  /** The title or that message, around its first match. */
  snippet: MarkedText;
  /** The words that matched there, normalised: what to mark when the message is opened. */
  terms: string[];
}

export interface SearchResults {
  /** Best match first, equal matches newest first; every conversation, newest first, for an empty query. */
  ids: string[];
  matches: Record<string, ConversationMatch>;
}

/** The title and each message are documents of their own, so a hit says which message it is in. */
interface SearchDocument {
  id: string;
  conversationId: string;
  messageId?: string;
  title?: string;
  text?: string;
}

const searchOptions: SearchOptions = {
  prefix: true,
  // Short words are typed whole; a typo in a longer one still finds it, but only by a letter or two.
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 2 },
};

/**
 * A full-text index of the conversations (MiniSearch), kept in step with the store lazily: each
 * search first re-indexes the conversations whose object changed since the last one (the store
 * gives new objects only to what changed), and within them only the messages that changed. So a
 * streaming answer costs one message's re-index per search, not one per token, and nothing at all
 * while nobody searches. Building it whole takes about a second for 1,000 conversations (bench:
 * Search), hence `catchUp` in slices.
 */
export class ConversationSearch {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['title', 'text'],
    storeFields: ['conversationId', 'messageId'],
    tokenize: wordsOf,
    processTerm: normalizeWord,
    searchOptions,
  });
  private readonly indexed = new Map<string, Conversation>();
  private lastQuery = '';
  private lastMatches: Record<string, ConversationMatch> = {};
  private readonly changedSinceSearch = new Set<string>();

  search(conversations: Record<string, Conversation>, query: string): SearchResults {
    const words = new Set(wordsOf(query).map(normalizeWord));
    if (words.size === 0) return { ids: listConversationIds(conversations), matches: {} };
    this.catchUp(conversations);

    // Hits come best first, so the first hit of a conversation is its best; a conversation must hold
    // every word of the query, though not all in one message.
    const best = new Map<string, { score: number; messageId?: string; terms: string[]; found: Set<string> }>();
    for (const hit of this.index.search(query)) {
      const seen = best.get(hit.conversationId);
      if (seen) hit.queryTerms.forEach((term) => seen.found.add(term));
      else best.set(hit.conversationId, { score: hit.score, messageId: hit.messageId, terms: hit.terms, found: new Set(hit.queryTerms) });
    }
    const found = [...best].filter(([, hit]) => [...words].every((word) => hit.found.has(word)));
    found.sort(([a, hitA], [b, hitB]) => hitB.score - hitA.score || newestFirst(conversations[a]!, conversations[b]!));

    const sameQuery = query === this.lastQuery;
    const matches: Record<string, ConversationMatch> = {};
    for (const [id, { messageId, terms }] of found) {
      // Kept as the same object while neither changed, so a row re-renders only when its own match does.
      const previous = sameQuery && !this.changedSinceSearch.has(id) ? this.lastMatches[id] : undefined;
      matches[id] = previous ?? matchIn(conversations[id]!, messageId, terms);
    }
    this.lastQuery = query;
    this.lastMatches = matches;
    this.changedSinceSearch.clear();
    return { ids: found.map(([id]) => id), matches };
  }

  /**
   * Re-indexes what changed since it last ran, for at most about `budgetMs`; true once the index is
   * in step. A page builds the index this way in slices between frames before the first search.
   */
  catchUp(conversations: Record<string, Conversation>, budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    for (const [id, before] of this.indexed) {
      if (!(id in conversations)) this.reindex(id, before, undefined);
    }
    for (const [id, after] of Object.entries(conversations)) {
      const before = this.indexed.get(id);
      if (before === after) continue;
      if (performance.now() > until) return false;
      this.reindex(id, before, after);
    }
    return true;
  }

  private reindex(id: string, before: Conversation | undefined, after: Conversation | undefined) {
    this.changedSinceSearch.add(id);
    if (before?.title !== after?.title) {
      if (before) this.index.discard(titleDocument(id));
      if (after) this.index.add({ id: titleDocument(id), conversationId: id, title: after.title });
    }
    const beforeById = new Map(before?.messages.map((message) => [message.id, message]));
    const afterById = new Map(after?.messages.map((message) => [message.id, message]));
    for (const [messageId, message] of beforeById) {
      if (afterById.get(messageId) !== message) this.index.discard(messageDocument(id, messageId));
    }
    for (const [messageId, message] of afterById) {
      if (beforeById.get(messageId) !== message) this.index.add({ id: messageDocument(id, messageId), conversationId: id, messageId, text: message.text });
    }
    if (after) this.indexed.set(id, after);
    else this.indexed.delete(id);
  }
}

function matchIn(conversation: Conversation, messageId: string | undefined, terms: string[]): ConversationMatch {
  const text = messageId === undefined ? conversation.title : (conversation.messages.find((message) => message.id === messageId)?.text ?? '');
  return { messageId, snippet: snippetOf(text, new Set(terms)), terms };
}

// NUL cannot appear in an id the app makes, so a title and a message never share a document id.
const titleDocument = (conversationId: string) => `${conversationId}\u0000`;
const messageDocument = (conversationId: string, messageId: string) => `${conversationId}\u0000${messageId}`;
