import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from './frame-batcher';

describe('createFrameBatcher', () => {
  it('applies everything added before a frame in one update, in order', () => {
    const frames: (() => void)[] = [];
    const applied: string[] = [];
    const batcher = createFrameBatcher<string>((texts) => applied.push(texts.join('')), (run) => frames.push(run));
    batcher.add('Hel');
    batcher.add('lo');
    batcher.add(' there');
    expect(applied).toEqual([]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(applied).toEqual(['Hello there']);
    batcher.add('!');
    frames.shift()!();
    expect(applied).toEqual(['Hello there', '!']);
  });

  it('flush applies what is pending at once, and a frame after it applies nothing twice', () => {
    const frames: (() => void)[] = [];
    const applied: string[] = [];
    const batcher = createFrameBatcher<string>((texts) => applied.push(texts.join('')), (run) => frames.push(run));
    batcher.add('last words');
    batcher.flush();
    frames.shift()!();
    expect(applied).toEqual(['last words']);
  });
});
