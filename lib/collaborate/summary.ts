import { runFigures } from './figures';
import { emptyRunStream, type Panel, type RunStream } from './panel';

export interface RunsSummary {
  runs: number;
  done: number;
  stopped: number;
  failed: number;
  totalTokens: number;
  /** From the first run's start to the last run's end: what running them side by side cost in time. */
  wallMs: number;
  /** The sum of every run's duration: what running them one after another would have cost. */
  sequentialMs: number;
  fastestFirstToken?: { panel: number; ms: number };
  fastestRate?: { panel: number; tokensPerSecond: number };
}

/** A summary of the panels' latest runs, once none is streaming; null while one is, or none has run. */
export function summarizeRuns(panels: Panel[], streams: Record<string, RunStream>): RunsSummary | null {
  const runs = panels.flatMap((panel, index) => (panel.run ? [{ panel: index + 1, run: panel.run, stream: streams[panel.run.id] }] : []));
  if (runs.length === 0 || runs.some(({ run }) => run.status === 'streaming')) return null;

  const summary: RunsSummary = { runs: runs.length, done: 0, stopped: 0, failed: 0, totalTokens: 0, wallMs: 0, sequentialMs: 0 };
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const { panel, run, stream } of runs) {
    const figures = runFigures(run, stream ?? emptyRunStream);
    if (run.status === 'done') summary.done += 1;
    else if (run.status === 'stopped') summary.stopped += 1;
    else summary.failed += 1;
    summary.totalTokens += figures.tokens;
    summary.sequentialMs += figures.durationMs;
    firstStart = Math.min(firstStart, run.startedAt);
    lastEnd = Math.max(lastEnd, run.startedAt + figures.durationMs);
    if (figures.ttftMs !== undefined && (!summary.fastestFirstToken || figures.ttftMs < summary.fastestFirstToken.ms)) {
      summary.fastestFirstToken = { panel, ms: figures.ttftMs };
    }
    if (figures.tokensPerSecond !== undefined && (!summary.fastestRate || figures.tokensPerSecond > summary.fastestRate.tokensPerSecond)) {
      summary.fastestRate = { panel, tokensPerSecond: figures.tokensPerSecond };
    }
  }
  summary.wallMs = lastEnd - firstStart;
  return summary;
}
