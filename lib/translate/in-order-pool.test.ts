import { describe, expect, it } from 'vitest';
import { inOrderPool } from './in-order-pool';

const later = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a pool that starts work in order', () => {
  it('runs at most `limit` at once, starting the next as one ends', async () => {
    const gates = [later(), later(), later(), later()];
    const started: number[] = [];
    const done = inOrderPool([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      await gates[item]!.promise;
    }, new AbortController().signal);
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    await done;
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('starts nothing new once aborted, and ends when the running ones do', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await inOrderPool([0, 1, 2], 1, async (item) => {
      started.push(item);
      controller.abort();
    }, controller.signal);
    expect(started).toEqual([0]);
    await inOrderPool([], 3, async () => undefined, new AbortController().signal);
  });
});
