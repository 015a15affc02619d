type Schedule = (run: () => void) => void;

/**
 * In a browser: at the next animation frame, or after a quarter second when the tab is hidden and
 * frames stop (the text must still reach the store, and storage, before the tab is closed).
 * Elsewhere (tests, the server): at once.
 */
const nextFrame: Schedule =
  typeof requestAnimationFrame === 'function'
    ? (run) => {
        const frame = requestAnimationFrame(() => {
          clearTimeout(timer);
          run();
        });
        const timer = setTimeout(() => {
          cancelAnimationFrame(frame);
          run();
        }, 250);
      }
    : (run) => run();

/**
 * Gathers what streams in (pieces of text) and hands it on at most once per frame, in order: a model
 * can send hundreds of tokens a second, a screen shows sixty frames, and each store update re-renders
 * what shows the answer.
 */
export function createFrameBatcher<T>(apply: (items: T[]) => void, schedule: Schedule = nextFrame) {
  let pending: T[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    apply(items);
  };
  return {
    add(item: T) {
      pending.push(item);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    /** Applies what is pending now (the answer ended). */
    flush,
  };
}
