import type { Board } from './board';
import { runFigures } from './figures';
import { emptyRunStream, type RunStream } from './panel';

/** Enough runs for a page's medians to settle, few enough to keep with the board across reloads. */
export const RUN_LOG_LIMIT = 200;
export const DEFAULT_MODEL_NAME = 'default model';

/** One finished answer's figures, kept after its panel runs again or is removed. */
export interface RunRecord {
  runId: string;
  /** The model that answered, as the server reported it. */
  model: string;
  ttftMs?: number;
  tokensPerSecond?: number;
}

/**
 * Adds each run on the board that is done and not yet logged, keeping the latest RUN_LOG_LIMIT.
 * Only answers that finished count: a stopped or failed run says how it was cut short (a stop before
 * the first token, a rate limit, a dropped connection) more than how fast the model is. Returns `log`
 * itself when nothing was added, so that a board change without a newly finished run renders nothing.
 */
export function logFinishedRuns(log: RunRecord[], board: Board, streams: Record<string, RunStream>): RunRecord[] {
  const logged = new Set(log.map((record) => record.runId));
  const added = board.panels.flatMap((panel): RunRecord[] => {
    const run = panel.run;
    if (run?.status !== 'done' || logged.has(run.id)) return [];
    const { ttftMs, tokensPerSecond } = runFigures(run, streams[run.id] ?? emptyRunStream);
    return [{ runId: run.id, model: run.metadata?.model || panel.model || DEFAULT_MODEL_NAME, ttftMs, tokensPerSecond }];
  });
  if (added.length === 0) return log;
  return keepLatest([...log, ...added], board);
}

/**
 * Drops the oldest records beyond the limit, but never one of a run the board still shows: dropped,
 * it would be logged again as new the next time the board changes.
 */
function keepLatest(log: RunRecord[], board: Board): RunRecord[] {
  let excess = log.length - RUN_LOG_LIMIT;
  if (excess <= 0) return log;
  const onBoard = new Set(board.panels.map((panel) => panel.run?.id));
  const kept: RunRecord[] = [];
  for (const record of log) {
    if (excess > 0 && !onBoard.has(record.runId)) excess -= 1;
    else kept.push(record);
  }
  return kept;
}

export interface ModelFigures {
  model: string;
  runs: number;
  medianTtftMs?: number;
  medianTokensPerSecond?: number;
}

/** Per model, by name: how many runs finished and their median figures, each over the runs that have it. */
export function modelFigures(log: RunRecord[]): ModelFigures[] {
  const byModel = new Map<string, RunRecord[]>();
  for (const record of log) {
    const records = byModel.get(record.model);
    if (records) records.push(record);
    else byModel.set(record.model, [record]);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, records]) => ({
      model,
      runs: records.length,
      medianTtftMs: median(records.flatMap((record) => (record.ttftMs === undefined ? [] : [record.ttftMs]))),
      medianTokensPerSecond: median(records.flatMap((record) => (record.tokensPerSecond === undefined ? [] : [record.tokensPerSecond]))),
    }));
}

/** The middle value, or the mean of the two middle ones; a median rather than a mean so one stalled run does not move it. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle]!;
  return sorted.length % 2 === 1 ? upper : (sorted[middle - 1]! + upper) / 2;
}
