import { describe, expect, it } from 'vitest';
import type { Board } from './board';
import type { Panel, PanelRun, RunStream } from './panel';
import { RUN_LOG_LIMIT, logFinishedRuns, median, modelFigures, type RunRecord } from './run-log';

const board = (...panels: Panel[]): Board => ({ mode: 'separate', comparePrompt: '', panels });
const panel = (id: string, run?: Partial<PanelRun>, model?: string): Panel => ({
  id,
  prompt: 'p',
  model,
  run: run && { id: `run-${id}`, status: 'done', startedAt: 0, endedAt: 2000, ...run },
});
// 11 tokens from 500 ms to 1500 ms: first token after 500 ms, 10 tokens a second after it.
const stream: RunStream = { text: '…', chunks: 11, firstTokenAt: 500, lastTokenAt: 1500 };
const record = (runId: string, model: string, ttftMs?: number, tokensPerSecond?: number): RunRecord => ({ runId, model, ttftMs, tokensPerSecond });

describe('run log', () => {
  it('logs a done run once, with its figures and the model that answered', () => {
    const done = board(panel('a', { metadata: { model: 'gpt-answered', outputTokens: 11 } }, 'gpt-asked'));
    const log = logFinishedRuns([], done, { 'run-a': stream });
    expect(log).toEqual([record('run-a', 'gpt-answered', 500, 10)]);
    expect(logFinishedRuns(log, done, { 'run-a': stream })).toBe(log);
  });

  it('names the panel’s model when the server named none, else the default model', () => {
    const log = logFinishedRuns([], board(panel('a', {}, 'fake-large'), panel('b', {})), {});
    expect(log.map((entry) => entry.model)).toEqual(['fake-large', 'default model']);
  });

  it('leaves out runs still streaming, stopped or failed, and panels never run', () => {
    const log = logFinishedRuns([], board(panel('a', { status: 'streaming' }), panel('b', { status: 'stopped' }), panel('c', { status: 'error' }), panel('d')), {});
    expect(log).toEqual([]);
  });

  it('keeps the latest runs, but never drops one the board still shows', () => {
    const old = Array.from({ length: RUN_LOG_LIMIT }, (_, n) => record(`old-${n}`, 'm'));
    const shown = [record('run-a', 'm'), ...old.slice(1)];
    const log = logFinishedRuns(shown, board(panel('a', {}), panel('b', {})), {});
    expect(log).toHaveLength(RUN_LOG_LIMIT);
    expect(log[0]?.runId).toBe('run-a');
    expect(log.at(-1)?.runId).toBe('run-b');
    expect(log.map((entry) => entry.runId)).not.toContain('old-1');
    // Logged again when the board next changes, run-a would count twice.
    expect(logFinishedRuns(log, board(panel('a', {}), panel('b', {})), {})).toBe(log);
  });
});

describe('model figures', () => {
  it('medians of odd and even counts', () => {
    expect(median([])).toBeUndefined();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it('per model, by name, each median over the runs that have that figure', () => {
    const log = [
      record('1', 'small', 100, 50),
      record('2', 'large', 900, undefined),
      record('3', 'small', 300, 70),
      record('4', 'small', undefined, 10),
      record('5', 'large', 700, 20),
    ];
    expect(modelFigures(log)).toEqual([
      { model: 'large', runs: 2, medianTtftMs: 800, medianTokensPerSecond: 20 },
      { model: 'small', runs: 3, medianTtftMs: 200, medianTokensPerSecond: 50 },
    ]);
  });

  it('a model whose runs have no figures has none to show', () => {
    expect(modelFigures([record('1', 'm')])).toEqual([{ model: 'm', runs: 1, medianTtftMs: undefined, medianTokensPerSecond: undefined }]);
  });
});
