/**
 * Runs `work` for every item, at most `limit` at once, starting them in document order, so the top of
 * a document fills in first. Once `signal` is aborted no new item starts; it resolves when the ones
 * running have ended.
 */
export async function inOrderPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal: AbortSignal): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
