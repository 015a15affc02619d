import { describe, expect, it } from 'vitest';
import { createDeltaBatcher } from './delta-batcher';
import type { RunDelta } from '../panel';

describe('delta batcher', () => {
  it('gathers pieces that arrive together into one delta, in order, with when the first and last came', async () => {
    const written: RunDelta[] = [];
    let clock = 100;
    const batcher = createDeltaBatcher('r1', async (delta) => void written.push(delta), 20, () => clock);
    batcher.add('Hel');
    clock = 105;
    batcher.add('lo');
    await new Promise((resolve) => setTimeout(resolve, 40));
    clock = 200;
    batcher.add(' world');
    await batcher.flush();
    expect(written).toEqual([
      { runId: 'r1', text: 'Hello', chunks: 2, firstAt: 100, lastAt: 105 },
      { runId: 'r1', text: ' world', chunks: 1, firstAt: 200, lastAt: 200 },
    ]);
  });
});
