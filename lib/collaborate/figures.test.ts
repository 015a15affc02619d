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
