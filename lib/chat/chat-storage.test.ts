import { describe, expect, it } from 'vitest';
import { migrateChatStorage, settleInterrupted } from './chat-storage';
import type { Conversation } from './types';

const withMessages = (id: string, statuses: ('done' | 'streaming')[]): Conversation => ({
  id,
  title: id,
  createdAt: 0,
  updatedAt: 0,
  settings: {},
  messages: statuses.map((status, index) => ({ id: `${id}${index}`, role: 'assistant', text: 'partial', createdAt: 0, status })),
});

describe('migrateChatStorage', () => {
  it('brings v1 storage up to date: no activeId, no empty conversations, settings present', () => {
    const kept = withMessages('kept', ['done']);
    const { settings: _dropped, ...withoutSettings } = kept;
    const v1 = { activeId: 'kept', conversations: { kept: withoutSettings, empty: withMessages('empty', []) } };
    expect(migrateChatStorage(v1, 1)).toEqual({ conversations: { kept }, draftSettings: {} });
  });

  it('reads nothing as empty storage', () => {
    expect(migrateChatStorage(undefined, 0)).toEqual({ conversations: {}, draftSettings: {} });
  });
});

describe('settleInterrupted', () => {
  it('turns answers left streaming into stopped ones with their text, and leaves the rest untouched', () => {
    const done = withMessages('done', ['done']);
    const cut = withMessages('cut', ['done', 'streaming']);
    const settled = settleInterrupted({ done, cut });
    expect(settled.done).toBe(done);
    expect(settled.cut?.messages.map((message) => [message.status, message.text])).toEqual([
      ['done', 'partial'],
      ['stopped', 'partial'],
    ]);
  });

  it('leaves answers the server can resume streaming, when asked to', () => {
    const cut = withMessages('cut', ['done', 'streaming']);
    const resumable = { ...cut, messages: cut.messages.map((message, index) => (index === 1 ? { ...message, streamId: 'stream-1234' } : message)) };
    expect(settleInterrupted({ resumable }, { keepResumable: true }).resumable?.messages[1]?.status).toBe('streaming');
    expect(settleInterrupted({ resumable }).resumable?.messages[1]).toMatchObject({ status: 'stopped', streamId: undefined });
  });
});
