import { expect, test, vi } from 'vitest';
import type { ConversationStore } from '@/lib/db/conversation-store';
import { pruneIdleGuestsDaily } from './guest-pruning';

test('prunes guests idle for the given days at once and then daily, and reports what it did', async () => {
  vi.useFakeTimers();
  try {
    const calls: [string, number][] = [];
    const store = { removeIdleOwners: async (prefix: string, idleBefore: number) => (calls.push([prefix, idleBefore]), 2) } as unknown as ConversationStore;
    const heard: unknown[] = [];
    const stop = pruneIdleGuestsDaily({ idleDays: 30, store: async () => store, onPruned: (result) => heard.push(result), now: () => 100 * 86_400_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([['guest:', 70 * 86_400_000]]);
    expect(heard).toEqual([{ guests: 2 }]);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(calls).toHaveLength(2);
    stop();
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(calls).toHaveLength(2);
  } finally {
    vi.useRealTimers();
  }
});

test('a database that fails is reported, not thrown', async () => {
  const heard: unknown[] = [];
  const stop = pruneIdleGuestsDaily({ idleDays: 1, store: () => Promise.reject(new Error('down')), onPruned: (result) => heard.push(result) });
  await vi.waitFor(() => expect(heard).toEqual([{ error: new Error('down') }]));
  stop();
});
