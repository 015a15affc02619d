import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from './types';
import { setAside, showVersion, versionPosition } from './versions';

const message = (id: string, role: ChatMessage['role'] = 'user', extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, role, text: id, createdAt: 1, ...extra });
const conversationOf = (messages: ChatMessage[]): Conversation => ({ id: 'c', title: 't', createdAt: 1, updatedAt: 1, messages, settings: {} });
const texts = (conversation: Conversation) => conversation.messages.map((m) => m.text);

/** What a regenerate or an edit does: the tail set aside, the new message with the versions in its place. */
function replace(conversation: Conversation, messageId: string, replacement: ChatMessage): Conversation {
  const { kept, versions } = setAside(conversation, messageId);
  return { ...kept, messages: [...kept.messages, versions ? { ...replacement, versions } : replacement] };
}

describe('message versions', () => {
  it('a replaced message and everything after it become the earlier version; the new one is last', () => {
    const start = conversationOf([message('q1'), message('a1', 'assistant'), message('q2'), message('a2', 'assistant')]);
    const edited = replace(start, 'q2', message('q2 edited'));
    expect(texts(edited)).toEqual(['q1', 'a1', 'q2 edited']);
    expect(versionPosition(edited.messages[2]!)).toEqual({ current: 2, count: 2 });
    expect(edited.messages[2]!.versions!.others).toEqual([[message('q2'), message('a2', 'assistant')]]);
  });

  it('switching shows a version with its branch, stamps what came back, and keeps every version in order', () => {
    let conversation = conversationOf([message('q'), message('a1', 'assistant')]);
    conversation = replace(conversation, 'a1', message('a2', 'assistant'));
    conversation = replace(conversation, 'a2', message('a3', 'assistant'));
    expect(versionPosition(conversation.messages[1]!)).toEqual({ current: 3, count: 3 });

    const first = showVersion(conversation, 'a3', 1, 50);
    expect(texts(first)).toEqual(['q', 'a1']);
    expect(first.messages[1]).toMatchObject({ updatedAt: 50, versions: { index: 0 } });
    expect(first.updatedAt).toBe(50);
    expect(first.messages[1]!.versions!.others.map((branch) => branch[0]!.text)).toEqual(['a2', 'a3']);

    const second = showVersion(first, 'a1', 2, 60);
    expect(texts(second)).toEqual(['q', 'a2']);
    expect(second.messages[1]!.versions!.others.map((branch) => branch[0]!.text)).toEqual(['a1', 'a3']);
    expect(showVersion(second, 'a2', 3, 70).messages[1]!.versions!.others.flat().some((m) => 'versions' in m)).toBe(false);
  });

  it('a version keeps the versions deeper in its branch', () => {
    let conversation = conversationOf([message('q1'), message('a1', 'assistant'), message('q2'), message('a2', 'assistant')]);
    conversation = replace(conversation, 'a2', message('a2 again', 'assistant'));
    conversation = replace(conversation, 'q1', message('q1 edited'));
    const back = showVersion(conversation, 'q1 edited', 1, 9);
    expect(texts(back)).toEqual(['q1', 'a1', 'q2', 'a2 again']);
    expect(versionPosition(back.messages[3]!)).toEqual({ current: 2, count: 2 });
  });

  it('a failed answer with no text is not kept as a version, but the versions before it are', () => {
    let conversation = conversationOf([message('q'), message('a1', 'assistant')]);
    conversation = replace(conversation, 'a1', message('failed', 'assistant', { text: '', status: 'error' }));
    conversation = replace(conversation, 'failed', message('a3', 'assistant'));
    expect(conversation.messages[1]!.versions!.others.map((branch) => branch[0]!.text)).toEqual(['a1']);
    expect(setAside(conversationOf([message('q'), message('x', 'assistant', { text: '', status: 'error' })]), 'x').versions).toBeUndefined();
  });

  it('showing the version already on screen, or of a message without versions, changes nothing', () => {
    const conversation = replace(conversationOf([message('q'), message('a1', 'assistant')]), 'a1', message('a2', 'assistant'));
    expect(showVersion(conversation, 'a2', 2, 5)).toBe(conversation);
    expect(showVersion(conversation, 'q', 1, 5)).toBe(conversation);
    expect(showVersion(conversation, 'a2', 7, 5)).toBe(conversation);
  });
});
