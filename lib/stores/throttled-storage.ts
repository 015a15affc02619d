import type { PersistStorage, StorageValue } from 'zustand/middleware';

export interface ThrottledStorageOptions {
  /** Longest a change waits before it is written. */
  intervalMs?: number;
  /** Told when a write fails (e.g. the quota is full); what was saved before stays intact. */
  onWriteError?: (error: unknown) => void;
  storage?: () => Storage | undefined;
}

/**
 * localStorage for zustand `persist` that writes at most once per interval. Streaming updates the
 * store per token; serialising every conversation per token would make long answers crawl. Pending
 * state is flushed when the page is hidden or closed, so a reload loses nothing.
 */
export function createThrottledStorage<S>({
  intervalMs = 500,
  onWriteError,
  storage = () => (typeof window === 'undefined' ? undefined : window.localStorage),
}: ThrottledStorageOptions = {}): PersistStorage<S> {
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const target = storage();
    if (!target) return;
    for (const [name, value] of pending) {
      try {
        target.setItem(name, JSON.stringify(value));
      } catch (error) {
        onWriteError?.(error);
      }
    }
    pending.clear();
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }

  return {
    getItem(name) {
      const raw = storage()?.getItem(name);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as StorageValue<S>;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      pending.set(name, value);
      timer ??= setTimeout(flush, intervalMs);
    },
    removeItem(name) {
      pending.delete(name);
      storage()?.removeItem(name);
    },
  };
}
