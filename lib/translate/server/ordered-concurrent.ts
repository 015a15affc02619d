/** One unit of work: produces items over time, and stops when `signal` aborts. */
export type StreamingTask<T> = (signal: AbortSignal) => AsyncIterable<T>;

export interface OrderedItem<T> {
  /** Which task produced the item. */
  index: number;
  item: T;
}

/**
 * Runs at most `limit` tasks at once and yields their items in task order: task 0's items as they
 * arrive, then task 1's (held back while task 0 ran), and so on. A task that fails fails the whole
 * run when its turn comes. Stopping the consumer early, a failure, or `signal` aborts every task
 * still running, and tasks not yet started never start.
 */
export async function* orderedConcurrent<T>(
  tasks: StreamingTask<T>[],
  { limit, signal }: { limit: number; signal?: AbortSignal },
): AsyncGenerator<OrderedItem<T>> {
  const stopAll = new AbortController();
  const taskSignal = signal ? AbortSignal.any([signal, stopAll.signal]) : stopAll.signal;
  const slots = tasks.map(() => ({ items: [] as T[], done: false, error: undefined as { cause: unknown } | undefined }));
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  let started = 0;
  const startNext = () => {
    if (started >= tasks.length || taskSignal.aborted) return;
    const index = started++;
    const slot = slots[index]!;
    void (async () => {
      try {
        for await (const item of tasks[index]!(taskSignal)) {
          slot.items.push(item);
          notify();
        }
      } catch (cause) {
        slot.error = { cause };
      } finally {
        slot.done = true;
        notify();
        startNext();
      }
    })();
  };

  taskSignal.addEventListener('abort', notify);
  try {
    for (let i = 0; i < Math.max(1, limit); i++) startNext();
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index]!;
      for (;;) {
        if (taskSignal.aborted) return;
        if (slot.items.length > 0) {
          yield { index, item: slot.items.shift() as T };
          continue;
        }
        if (slot.done) {
          if (slot.error) throw slot.error.cause;
          break;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    stopAll.abort();
    taskSignal.removeEventListener('abort', notify);
  }
}
