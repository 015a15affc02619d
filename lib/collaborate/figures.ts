import type { PanelRun, RunStream } from './panel';

export interface RunFigures {
  /** Time to first token of the answer, ms: a reasoning model's thinking counts as waiting. */
  ttftMs?: number;
  /** Answer tokens after the first, over the time from the first answer token to the last. */
  tokensPerSecond?: number;
  tokens: number;
  /** False while streaming: the count is of pieces received, about one token each, until the model reports usage. */
  tokensExact: boolean;
  durationMs: number;
}

/**
 * Figures for one run, from the stream as it arrives and the answer's metadata once it ends. All
 * times come from one clock (the run's own), so a room's late joiner sees the same numbers as its host.
 * The stream holds answer text only (reasoning never reaches it), so its first and last token times
 * bound the answer itself.
 */
export function runFigures(run: PanelRun, stream: RunStream): RunFigures {
  const reportedTokens = run.status === 'streaming' ? undefined : run.metadata?.outputTokens;
  const tokens = reportedTokens ?? stream.chunks;
  const end = run.endedAt ?? stream.lastTokenAt ?? run.startedAt;
  const generatingMs = stream.firstTokenAt === undefined ? 0 : (stream.lastTokenAt ?? end) - stream.firstTokenAt;
  // A reasoning model's reported output includes its thinking (shown or hidden), which came before the
  // first answer token: the answer is what is left once its reasoning tokens are taken out. With no
  // split known, the answer's own pieces are the nearer count when it thought visibly.
  const reasoningTokens = reportedTokens === undefined ? undefined : run.metadata?.reasoningTokens;
  const answerTokens = reasoningTokens !== undefined ? Math.max(0, tokens - reasoningTokens) : run.metadata?.reasoningMs === undefined ? tokens : stream.chunks;
  // The first token marks the start of generation, so the rate counts the tokens after it.
  const tokensPerSecond = generatingMs > 0 && answerTokens > 1 ? ((answerTokens - 1) * 1000) / generatingMs : undefined;
  return {
    ttftMs: stream.firstTokenAt === undefined ? undefined : stream.firstTokenAt - run.startedAt,
    tokensPerSecond,
    tokens,
    tokensExact: reportedTokens !== undefined,
    durationMs: Math.max(0, end - run.startedAt),
  };
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatRate(tokensPerSecond: number | undefined): string {
  return tokensPerSecond === undefined ? '—' : `${tokensPerSecond < 10 ? tokensPerSecond.toFixed(1) : Math.round(tokensPerSecond)} tok/s`;
}
