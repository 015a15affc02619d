import type { RunDelta } from '../panel';

/**
 * Gathers a run's text into one delta per `windowMs`, so a fast model sends a room (and every browser
 * in it) tens of events a second rather than hundreds. Deltas are written one after another, in order.
 */
export function createDeltaBatcher(runId: string, write: (delta: RunDelta) => Promise<void>, windowMs = 40, now: () => number = Date.now) {
  let pending: RunDelta | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const delta = pending;
    pending = undefined;
    // A failed write (Redis briefly away) loses that text, not the rest of the answer.
    if (delta) written = written.then(() => write(delta)).catch(() => undefined);
    return written;
  };

  return {
    add(text: string) {
      const at = now();
      pending = pending ? { ...pending, text: pending.text + text, chunks: pending.chunks + 1, lastAt: at } : { runId, text, chunks: 1, firstAt: at, lastAt: at };
      timer ??= setTimeout(flush, windowMs);
    },
    /** Writes what is pending; resolves once every delta so far is written. */
    flush,
  };
}
