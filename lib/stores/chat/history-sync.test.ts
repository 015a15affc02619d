import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Conversation } from '@/lib/chat/types';
import { reportIfSessionEnded } from '@/lib/client/session-ended';
import { rillError } from '@/lib/errors';
import { startHistorySync, type PendingChanges } from './history-sync';
import type { ChatState } from './state';

/** A stand-in for the history routes, with their rules: per owner, the newer copy wins. */
function historyServer() {
  const stored = new Map<string, Conversation>();
  const requests: string[] = [];
  let down: { status: number; body: unknown } | 'network' | null = null;
  /** Whom the server answers for: the page's cookie, as it would read it. */
  let owner: { kind: 'guest' } | { kind: 'user'; id: string } | undefined;
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push(`${method} ${String(url)}`);
    if (down === 'network') throw new TypeError('Failed to fetch');
    if (down) return Response.json(down.body, { status: down.status });
    const id = decodeURIComponent(String(url).split('?')[0]!.split('/').pop()!);
    if (method === 'GET') return Response.json({ conversations: [...stored.values()].sort((a, b) => b.updatedAt - a.updatedAt), ids: [...stored.keys()], owner });
    if (method === 'DELETE') {
      stored.delete(id);
      return new Response(null, { status: 204 });
    }
    const incoming = JSON.parse(String(init.body)) as Conversation;
    const current = stored.get(id);
    if (!current || current.updatedAt <= incoming.updatedAt) stored.set(id, incoming);
    return Response.json({ conversation: stored.get(id) });
  };
  return { stored, requests, fetch: fetch as typeof globalThis.fetch, setDown: (value: typeof down) => (down = value), answerFor: (value: typeof owner) => (owner = value) };
}

const conversation = (id: string, updatedAt: number, text = 'hello', status: 'done' | 'streaming' = 'done'): Conversation => ({
  id,
  title: id,
  createdAt: 1,
  updatedAt,
  settings: {},
  messages: [
    { id: `${id}-u`, role: 'user', text, createdAt: 1 },
    { id: `${id}-a`, role: 'assistant', text: `answer to ${text}`, createdAt: 2, status },
  ],
});

function chatStore(conversations: Record<string, Conversation> = {}) {
  return createStore<ChatState>()(() => ({ conversations, historyNotice: null, historyReady: false }) as unknown as ChatState);
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());
/** What a browser's localStorage keeps of the sync across a reload. */
function pendingStorage(): PendingChanges {
  let kept = { changed: [] as string[], deleted: [] as string[] };
  return { load: () => kept, save: (changes) => (kept = changes) };
}
const sync = (store: ReturnType<typeof chatStore>, server: ReturnType<typeof historyServer>, pending = pendingStorage(), onSignedOut?: () => void) =>
  (stop = startHistorySync(store, { fetch: server.fetch, debounceMs: 5, retryMs: 5, pollMs: 10, pending, onSignedOut }));

describe('history sync', () => {
  it('brings the server’s chats into a browser that has none (its storage was cleared)', async () => {
    const server = historyServer();
    server.stored.set('a', conversation('a', 10));
    const store = chatStore();
    sync(store, server);
    await vi.waitFor(() => expect(store.getState().historyReady).toBe(true));
    expect(store.getState().conversations.a).toEqual(conversation('a', 10));
  });

  it('saves what only this browser has, then each change once no answer is streaming into it', async () => {
    const server = historyServer();
    const store = chatStore({ b: conversation('b', 5) });
    sync(store, server);
    await vi.waitFor(() => expect(server.stored.get('b')?.messages).toHaveLength(2));

    store.setState({ conversations: { ...store.getState().conversations, c: conversation('c', 20, 'new question', 'streaming') } });
    await vi.waitFor(() => expect(server.requests.filter((request) => request.startsWith('PUT')).length).toBe(1));
    expect(server.stored.has('c')).toBe(false);
    store.setState({ conversations: { ...store.getState().conversations, c: conversation('c', 20, 'new question', 'done') } });
    await vi.waitFor(() => expect(server.stored.get('c')?.messages[1]?.status).toBe('done'));
  });

  it('lets the newer copy win in either direction', async () => {
    const server = historyServer();
    server.stored.set('old-here', conversation('old-here', 50, 'edited on another device'));
    server.stored.set('new-here', conversation('new-here', 5, 'stale'));
    const store = chatStore({ 'old-here': conversation('old-here', 10, 'stale'), 'new-here': conversation('new-here', 60, 'edited here') });
    sync(store, server);
    await vi.waitFor(() => expect(server.stored.get('new-here')?.messages[0]?.text).toBe('edited here'));
    expect(store.getState().conversations['old-here']?.messages[0]?.text).toBe('edited on another device');
  });

  it('deletes on the server what is deleted here', async () => {
    const server = historyServer();
    server.stored.set('gone', conversation('gone', 10));
    const store = chatStore();
    sync(store, server);
    await vi.waitFor(() => expect(store.getState().conversations.gone).toBeDefined());
    const { gone: _gone, ...rest } = store.getState().conversations;
    store.setState({ conversations: rest });
    await vi.waitFor(() => expect(server.stored.has('gone')).toBe(false));
  });

  it('keeps changes while the server is unreachable, says so, and saves them once it is back', async () => {
    const server = historyServer();
    server.setDown('network');
    const store = chatStore({ d: conversation('d', 5) });
    sync(store, server);
    await vi.waitFor(() => expect(store.getState().historyNotice).toMatch(/kept in this browser/));
    expect(store.getState().historyReady).toBe(true);
    server.setDown(null);
    await vi.waitFor(() => expect(server.stored.has('d')).toBe(true));
    expect(store.getState().historyNotice).toBeNull();
  });

  it('stops asking a server that keeps no history, and shows its reason', async () => {
    // The clock is the test's: "never again" is every timer the sync could have set, run out.
    vi.useFakeTimers();
    try {
      const server = historyServer();
      server.setDown({ status: 503, body: { code: 'unavailable', error: 'This server keeps chats in your browser only.' } });
      const store = chatStore({ e: conversation('e', 5) });
      sync(store, server);
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().historyNotice).toBe('This server keeps chats in your browser only.');
      store.setState({ conversations: { e: conversation('e', 6, 'changed') } });
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.requests).toEqual(['GET /api/conversations']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a rename or delete the page had not saved when it was reloaded is saved after the reload, not undone by the server', async () => {
    const server = historyServer();
    server.stored.set('renamed', conversation('renamed', 10));
    server.stored.set('deleted', conversation('deleted', 10));
    const pending = pendingStorage();
    const before = chatStore();
    sync(before, server, pending);
    await vi.waitFor(() => expect(Object.keys(before.getState().conversations).sort()).toEqual(['deleted', 'renamed']));
    // Renamed and deleted, then reloaded before the sync's next save.
    before.setState({ conversations: { renamed: { ...before.getState().conversations.renamed!, title: 'A new name' } } });
    stop!();

    const after = chatStore({ renamed: { ...conversation('renamed', 10), title: 'A new name' } });
    sync(after, server, pending);
    await vi.waitFor(() => expect(server.stored.has('deleted')).toBe(false));
    await vi.waitFor(() => expect(server.stored.get('renamed')?.title).toBe('A new name'));
    expect(Object.keys(after.getState().conversations)).toEqual(['renamed']);
    expect(after.getState().conversations.renamed?.title).toBe('A new name');
    expect(pending.load()).toEqual({ changed: [], deleted: [] });
  });

  it('brings a guest’s chats into the account they sign in to, once', async () => {
    const server = historyServer();
    server.answerFor({ kind: 'user', id: 'u1' });
    const pending = pendingStorage();
    pending.save({ changed: [], deleted: [], owner: 'guest' });
    const store = chatStore({ g: conversation('g', 5) });
    sync(store, server, pending);
    await vi.waitFor(() => expect(server.stored.has('g')).toBe(true));
    expect(pending.load().owner).toBe('user:u1');
  });

  it('leaves an account’s chats with it when the browser is someone else’s next', async () => {
    const server = historyServer();
    server.answerFor({ kind: 'guest' });
    server.stored.set('theirs', conversation('theirs', 5));
    const pending = pendingStorage();
    pending.save({ changed: ['mine'], deleted: [], owner: 'user:u1' });
    const store = chatStore({ mine: conversation('mine', 5) });
    sync(store, server, pending);
    await vi.waitFor(() => expect(Object.keys(store.getState().conversations)).toEqual(['theirs']));
    expect(server.stored.has('mine')).toBe(false);
  });

  it('says so when the session ended, and carries on as the guest the browser now is', async () => {
    const server = historyServer();
    server.setDown({ status: 401, body: { code: 'signed_out', error: 'You are signed out.' } });
    const pending = pendingStorage();
    pending.save({ changed: [], deleted: [], owner: 'user:u1' });
    const signedOut = vi.fn();
    const store = chatStore({ mine: conversation('mine', 5) });
    sync(store, server, pending, signedOut);
    await vi.waitFor(() => expect(signedOut).toHaveBeenCalled());
    server.setDown(null);
    server.answerFor({ kind: 'guest' });
    await vi.waitFor(() => expect(store.getState().conversations).toEqual({}));
    expect(store.getState().historyNotice).toBe('You are signed out.');
  });

  it('says so too when another part of the page met the ended session first, and the chats were then served to a guest', async () => {
    const server = historyServer();
    server.answerFor({ kind: 'guest' });
    const pending = pendingStorage();
    pending.save({ changed: [], deleted: [], owner: 'user:u1' });
    const signedOut = vi.fn();
    const store = chatStore({ mine: conversation('mine', 5) });
    sync(store, server, pending, signedOut);
    reportIfSessionEnded(rillError('signed_out', 'You are signed out.'));
    await vi.waitFor(() => expect(store.getState().conversations).toEqual({}));
    expect(signedOut).toHaveBeenCalled();
    expect(store.getState().historyNotice).toBe('You are signed out.');
  });

  it('drops what another device deleted, and brings in what it changed, while the page is open', async () => {
    const server = historyServer();
    server.stored.set('kept', conversation('kept', 5));
    server.stored.set('deleted-elsewhere', conversation('deleted-elsewhere', 5));
    const store = chatStore();
    sync(store, server);
    await vi.waitFor(() => expect(Object.keys(store.getState().conversations).sort()).toEqual(['deleted-elsewhere', 'kept']));
    server.stored.delete('deleted-elsewhere');
    server.stored.set('kept', conversation('kept', 9, 'edited elsewhere'));
    await vi.waitFor(() => expect(Object.keys(store.getState().conversations)).toEqual(['kept']));
    await vi.waitFor(() => expect(store.getState().conversations.kept?.messages[0]?.text).toBe('edited elsewhere'));
  });

  it('keeps an answer that just finished here when the server still has its partial copy, saved while it streamed', async () => {
    const server = historyServer();
    // The server saved the answer as it streamed (a newer conversation stamp), and only part of it.
    const partial = conversation('p', 30);
    partial.messages[1] = { ...partial.messages[1]!, text: 'answer to', status: 'streaming', updatedAt: 25 };
    server.stored.set('p', partial);
    const finished = conversation('p', 10);
    finished.messages[1] = { ...finished.messages[1]!, updatedAt: 28 };
    const store = chatStore({ p: finished });
    sync(store, server);
    await vi.waitFor(() => expect(store.getState().historyReady).toBe(true));
    expect(store.getState().conversations.p?.messages[1]).toMatchObject({ text: 'answer to hello', status: 'done' });
    await vi.waitFor(() => expect(server.stored.get('p')?.messages[1]).toMatchObject({ text: 'answer to hello', status: 'done' }));
  });
});
