// [[hold N]]: the answer stops after N tokens until a test lets it go on (POST /__release), so a
// test can act mid-answer (stop, reload, scroll, look) without racing the stream on a slow machine.

/** @typedef {{ wait(record: any): Promise<void>, release(matches: (record: any) => boolean, timeoutMs: number): Promise<number>, drop(record: any): void }} Holds */

/** @returns {Holds} */
export function createHolds() {
  /** @type {Map<any, () => void>} the requests waiting at a hold, each with what lets it go on */
  const waiting = new Map();
  /** @type {Set<() => void>} release calls waiting for a request to reach its hold */
  const watchers = new Set();

  return {
    wait(record) {
      record.held = true;
      return new Promise((resolve) => {
        waiting.set(record, () => {
          record.held = false;
          resolve();
        });
        for (const watcher of watchers) watcher();
      });
    },
    // Lets every matching request that is at a hold go on. When none is there yet (its tokens are
    // still on their way), waits up to `timeoutMs` for one to arrive. Resolves with how many went on.
    release(matches, timeoutMs) {
      const releaseNow = () => {
        let released = 0;
        for (const [record, resume] of waiting) {
          if (!matches(record)) continue;
          waiting.delete(record);
          resume();
          released++;
        }
        return released;
      };
      const now = releaseNow();
      if (now > 0) return Promise.resolve(now);
      return new Promise((resolve) => {
        const watcher = () => {
          const released = releaseNow();
          if (released === 0) return;
          finish(released);
        };
        const timer = setTimeout(() => finish(0), timeoutMs);
        const finish = (released) => {
          clearTimeout(timer);
          watchers.delete(watcher);
          resolve(released);
        };
        watchers.add(watcher);
      });
    },
    drop(record) {
      waiting.delete(record);
    },
  };
}
