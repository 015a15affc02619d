import { describe, expect, it } from 'vitest';
import { formatMs, formatRate, runFigures } from './figures';
import { summarizeRuns } from './summary';
import type { Panel, PanelRun } from './panel';

const run = (extra: Partial<PanelRun> = {}): PanelRun => ({ id: 'r', status: 'streaming', startedAt: 1000, ...extra });

describe('run figures', () => {
  it('while streaming: time to first token, rate after it, pieces as an estimate of tokens', () => {
    const figures = runFigures(run(), { text: 'a b c d e', chunks: 5, firstTokenAt: 1200, lastTokenAt: 1600 });
    expect(figures).toEqual({ ttftMs: 200, tokensPerSecond: 10, tokens: 5, tokensExact: false, durationMs: 600 });
  });

  it('before the first token there is no rate and no time to first token', () => {
    expect(runFigures(run(), { text: '', chunks: 0 })).toEqual({ ttftMs: undefined, tokensPerSecond: undefined, tokens: 0, tokensExact: false, durationMs: 0 });
  });

  it('once ended, the model-reported token count and the end time are used', () => {
    const ended = run({ status: 'done', endedAt: 3000, metadata: { outputTokens: 42 } });
    const figures = runFigures(ended, { text: '…', chunks: 40, firstTokenAt: 1100, lastTokenAt: 2900 });
    expect(figures).toMatchObject({ tokens: 42, tokensExact: true, durationMs: 2000, ttftMs: 100 });
    expect(figures.tokensPerSecond).toBeCloseTo((41 * 1000) / 1800);
  });

  it('a chunky stream: the model-reported count over the time between first and last piece, whatever the pieces carried', () => {
    // Three pieces, the middle one carrying 50 of the 60 tokens: the rate is 59 tokens over 2 s, not 2 pieces over it.
    const ended = run({ status: 'done', endedAt: 3500, metadata: { outputTokens: 60 } });
    expect(runFigures(ended, { text: '…', chunks: 3, firstTokenAt: 1200, lastTokenAt: 3200 }).tokensPerSecond).toBeCloseTo(29.5);
  });

  it('an answer that arrives in one piece has no rate rather than an infinite one', () => {
    const ended = run({ status: 'done', endedAt: 1500, metadata: { outputTokens: 80 } });
    expect(runFigures(ended, { text: '…', chunks: 1, firstTokenAt: 1400, lastTokenAt: 1400 }).tokensPerSecond).toBeUndefined();
  });

  it('a reasoning model: thinking is waiting for the first token, and its tokens stay out of the rate', () => {
    // 2 s of thinking (reported as reasoningMs), then 21 answer pieces over 1 s; the reported 221 tokens include 200 of thought.
    const ended = run({ status: 'done', endedAt: 4100, metadata: { outputTokens: 221, reasoningMs: 2000 } });
    const figures = runFigures(ended, { text: '…', chunks: 21, firstTokenAt: 3000, lastTokenAt: 4000 });
    expect(figures).toMatchObject({ ttftMs: 2000, tokens: 221, tokensPerSecond: 20 });
  });

  it('a model whose reasoning is hidden: the reported reasoning tokens stay out of the rate', () => {
    // No visible thinking (no reasoningMs), but 200 of the 300 reported output tokens were reasoning
    // (OpenAI's o-series): the answer's 100 tokens over 1 s.
    const ended = run({ status: 'done', endedAt: 4100, metadata: { outputTokens: 300, reasoningTokens: 200 } });
    const figures = runFigures(ended, { text: '…', chunks: 12, firstTokenAt: 3000, lastTokenAt: 4000 });
    expect(figures).toMatchObject({ ttftMs: 2000, tokens: 300, tokensExact: true, tokensPerSecond: 99 });
  });

  it('visible thinking with its tokens known: the answer is the output less them, whatever the pieces carried', () => {
    const ended = run({ status: 'done', endedAt: 4100, metadata: { outputTokens: 221, reasoningTokens: 200, reasoningMs: 2000 } });
    expect(runFigures(ended, { text: '…', chunks: 3, firstTokenAt: 3000, lastTokenAt: 4000 }).tokensPerSecond).toBe(20);
  });

  it('reasoning tokens reported with more than the output leave no rate rather than a negative one', () => {
    const ended = run({ status: 'done', endedAt: 4100, metadata: { outputTokens: 100, reasoningTokens: 150 } });
    expect(runFigures(ended, { text: '…', chunks: 3, firstTokenAt: 3000, lastTokenAt: 4000 }).tokensPerSecond).toBeUndefined();
  });

  it('formats for people', () => {
    expect([formatMs(undefined), formatMs(85.4), formatMs(1234), formatMs(12_345)]).toEqual(['—', '85 ms', '1.23 s', '12.3 s']);
    expect([formatRate(undefined), formatRate(4.25), formatRate(31.6)]).toEqual(['—', '4.3 tok/s', '32 tok/s']);
  });
});

describe('runs summary', () => {
  const panel = (id: string, panelRun?: PanelRun): Panel => ({ id, prompt: 'p', run: panelRun });

  it('waits until no panel is streaming', () => {
    expect(summarizeRuns([panel('a', run({ id: 'a' }))], {})).toBeNull();
    expect(summarizeRuns([panel('a')], {})).toBeNull();
  });

  it('adds up the runs and names the quickest, counting side-by-side time against one-by-one time', () => {
    const panels = [
      panel('a', run({ id: 'a', status: 'done', startedAt: 0, endedAt: 1000, metadata: { outputTokens: 11 } })),
      panel('b', run({ id: 'b', status: 'error', startedAt: 100, endedAt: 600 })),
      panel('c', run({ id: 'c', status: 'stopped', startedAt: 200, endedAt: 1500 })),
    ];
    const streams = {
      a: { text: '', chunks: 10, firstTokenAt: 300, lastTokenAt: 1000 },
      b: { text: '', chunks: 2, firstTokenAt: 200, lastTokenAt: 300 },
      c: { text: '', chunks: 5, firstTokenAt: 700, lastTokenAt: 1500 },
    };
    expect(summarizeRuns(panels, streams)).toEqual({
      runs: 3,
      done: 1,
      stopped: 1,
      failed: 1,
      totalTokens: 18,
      wallMs: 1500,
      sequentialMs: 1000 + 500 + 1300,
      fastestFirstToken: { panel: 2, ms: 100 },
      fastestRate: { panel: 1, tokensPerSecond: (10 * 1000) / 700 },
    });
  });
});
