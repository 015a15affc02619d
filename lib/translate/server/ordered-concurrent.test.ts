import { describe, expect, it } from 'vitest';
import { orderedConcurrent, type StreamingTask } from './ordered-concurrent';

/** A task whose items are released by hand, recording when it starts and whether it was aborted. */
function controllableTask(label: string, log: string[]) {
  const pending: ((value: IteratorResult<string>) => void)[] = [];
  const queued: IteratorResult<string>[] = [];
  let signal: AbortSignal | undefined;
  const push = (result: IteratorResult<string>) => {
    const waiter = pending.shift();
    if (waiter) waiter(result);
    else queued.push(result);
  };
  const task: StreamingTask<string> = (taskSignal) => {
    signal = taskSignal;
    log.push(`start ${label}`);
    taskSignal.addEventListener('abort', () => push({ done: true, value: undefined }));
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<string>>((resolve) => (queued.length ? resolve(queued.shift()!) : pending.push(resolve))),
      }),
    };
  };
  return {
    task,
    emit: (item: string) => push({ done: false, value: `${label}:${item}` }),
    end: () => push({ done: true, value: undefined }),
    aborted: () => signal?.aborted ?? false,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('orderedConcurrent', () => {
  it('yields in task order, streaming the first task while later ones are held back', async () => {
    const log: string[] = [];
    const [a, b] = [controllableTask('a', log), controllableTask('b', log)];
    const run = orderedConcurrent([a.task, b.task], { limit: 2 });
    b.emit('1');
    b.end();
    a.emit('1');
    expect((await run.next()).value).toEqual({ index: 0, item: 'a:1' });
    a.emit('2');
    expect((await run.next()).value).toEqual({ index: 0, item: 'a:2' });
    a.end();
    expect((await run.next()).value).toEqual({ index: 1, item: 'b:1' });
    expect((await run.next()).done).toBe(true);
  });

  it('runs at most `limit` tasks at once, starting the next as one finishes', async () => {
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((label) => controllableTask(label, log));
    const run = orderedConcurrent(tasks.map((t) => t.task), { limit: 2 });
    const collected = (async () => {
      const items: string[] = [];
      for await (const { item } of run) items.push(item);
      return items;
    })();
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    tasks[1]!.emit('x');
    tasks[1]!.end();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    for (const t of [tasks[0]!, tasks[2]!]) {
      t.emit('x');
      t.end();
    }
    await tick();
    tasks[3]!.emit('x');
    tasks[3]!.end();
    expect(await collected).toEqual(['a:x', 'b:x', 'c:x', 'd:x']);
  });

  it('aborts every running task when the consumer stops, and starts no more', async () => {
    const log: string[] = [];
    const tasks = ['a', 'b', 'c'].map((label) => controllableTask(label, log));
    const run = orderedConcurrent(tasks.map((t) => t.task), { limit: 2 });
    tasks[0]!.emit('1');
    await run.next();
    await run.return(undefined);
    expect(tasks[0]!.aborted()).toBe(true);
    expect(tasks[1]!.aborted()).toBe(true);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
  });

  it('aborts every task when the outer signal aborts, and ends', async () => {
    const log: string[] = [];
    const tasks = ['a', 'b'].map((label) => controllableTask(label, log));
    const outer = new AbortController();
    const run = orderedConcurrent(tasks.map((t) => t.task), { limit: 2, signal: outer.signal });
    const next = run.next();
    outer.abort();
    expect((await next).done).toBe(true);
    expect(tasks.every((t) => t.aborted())).toBe(true);
  });

  it('rethrows a failed task when its turn comes, after the earlier tasks’ items', async () => {
    const failing: StreamingTask<string> = () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('boom')) }),
    });
    const log: string[] = [];
    const a = controllableTask('a', log);
    const run = orderedConcurrent([a.task, failing], { limit: 2 });
    a.emit('1');
    a.end();
    expect((await run.next()).value).toEqual({ index: 0, item: 'a:1' });
    await expect(run.next()).rejects.toThrow('boom');
  });
});
