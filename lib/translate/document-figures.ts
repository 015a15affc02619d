/** How one paragraph's answer arrived: enough to say how fast the document is being translated. */
export interface ParagraphTiming {
  firstTokenAt?: number;
  lastTokenAt?: number;
  /** Pieces of text received, about one token each, until the model reports usage. */
  pieces: number;
  outputTokens?: number;
}

/**
 * Tokens per second over the document, as lib/collaborate/figures.ts counts one answer: the tokens
 * after the first over the time from the first token to the last. Paragraphs run a few at once, so it
 * is measured on the wall clock across all of them: how fast the translation fills in.
 */
export function documentTokensPerSecond(timings: readonly ParagraphTiming[]): number | undefined {
  let first = Infinity;
  let last = -Infinity;
  let tokens = 0;
  for (const timing of timings) {
    if (timing.firstTokenAt === undefined) continue;
    first = Math.min(first, timing.firstTokenAt);
    last = Math.max(last, timing.lastTokenAt ?? timing.firstTokenAt);
    tokens += timing.outputTokens ?? timing.pieces;
  }
  return last > first && tokens > 1 ? ((tokens - 1) * 1000) / (last - first) : undefined;
}
