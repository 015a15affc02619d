import { describe, expect, test, vi } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import type { ConversationStore } from '@/lib/db/conversation-store';
import { AnswerRun } from '@/lib/server/answer-run';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { saveAnswerAsItStreams, type AnswerToSave } from './answer-saving';

const target: AnswerToSave = {
  ownerId: 'user:u1',
  conversation: { id: 'c1', title: 'Hello', settings: {}, createdAt: 100 },
  question: { id: 'q1', role: 'user', text: 'Hello', createdAt: 100 },
  answer: { id: 'a1', createdAt: 100 },
};

/** A store that notes each saveMessages call as [message ids, the answer's text and status, createIfMissing]. */
function recordingStore() {
  const saves: { ids: string[]; answer: ChatMessage; create: boolean | undefined }[] = [];
  const store = {
    saveMessages: async (_owner: string, _conversation: unknown, messages: ChatMessage[], options?: { createIfMissing?: boolean }) => {
      saves.push({ ids: messages.map((message) => message.id), answer: messages.at(-1)!, create: options?.createIfMissing });
    },
  } as unknown as ConversationStore;
  return { saves, store };
}

/** A run whose chunks the test hands over one by one; like a model call, it ends when aborted. */
function controlledRun() {
  const queue: AnswerChunk[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const run = new AnswerRun(async function* (signal) {
    signal.addEventListener('abort', () => wake?.());
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (ended || signal.aborted) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  });
  const push = (...chunks: AnswerChunk[]) => {
    queue.push(...chunks);
    wake?.();
  };
  return { run, push, end: () => ((ended = true), wake?.()) };
}

describe('an answer saved as it streams', () => {
  test('is saved with its question at once, its text as it grows, then as it ended; only the first save may make the conversation', async () => {
    vi.useFakeTimers();
    try {
      const { saves, store } = recordingStore();
      const { run, push, end } = controlledRun();
      const release = run.retain();
      const saved = saveAnswerAsItStreams(run, target, store, { intervalMs: 1_000, heartbeatMs: 5_000 });
      await vi.advanceTimersByTimeAsync(0);
      expect(saves).toEqual([{ ids: ['q1', 'a1'], answer: expect.objectContaining({ text: '', status: 'streaming' }), create: true }]);

      push({ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi ' });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(saves.at(-1)).toEqual({ ids: ['a1'], answer: expect.objectContaining({ text: 'Hi ', status: 'streaming' }), create: false });

      // No new text: written again only when the heartbeat is due.
      await vi.advanceTimersByTimeAsync(3_000);
      expect(saves).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(saves).toHaveLength(3);

      push({ type: 'text-delta', id: 't', delta: 'there.' }, { type: 'text-end', id: 't' }, { type: 'finish', messageMetadata: { model: 'm' } });
      end();
      await saved;
      expect(saves.at(-1)).toEqual({ ids: ['a1'], answer: expect.objectContaining({ text: 'Hi there.', status: 'done', metadata: { model: 'm' } }), create: false });
      release();
    } finally {
      vi.useRealTimers();
    }
  });

  test('an answer every reader left is saved as stopped, its text kept', async () => {
    const { saves, store } = recordingStore();
    const { run, push } = controlledRun();
    const release = run.retain();
    const saved = saveAnswerAsItStreams(run, target, store);
    push({ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Half' });
    await vi.waitFor(() => expect(run.text).toBe('Half'));
    release();
    await saved;
    expect(saves.at(-1)?.answer).toMatchObject({ text: 'Half', status: 'stopped' });
  });
});
