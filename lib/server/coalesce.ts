import { AnswerRun, type AnswerChunk } from './answer-run';

/**
 * Identical deterministic requests in flight at the same time share one upstream call: the first
 * starts a run under the request's key, later ones join it and read it from the start. A run leaves
 * the registry when it ends, so a request after that goes to the cache or upstream again.
 */
export class Coalescer {
  private readonly inFlight = new Map<string, AnswerRun>();

  startOrJoin(key: string | undefined, produce: (signal: AbortSignal) => ReadableStream<AnswerChunk>): { run: AnswerRun; joined: boolean } {
    const current = key === undefined ? undefined : this.inFlight.get(key);
    if (current && !current.isEnded) return { run: current, joined: true };
    const run = new AnswerRun(produce);
    if (key !== undefined) {
      this.inFlight.set(key, run);
      void run.outcome.then(() => {
        if (this.inFlight.get(key) === run) this.inFlight.delete(key);
      });
    }
    return { run, joined: false };
  }

  get size(): number {
    return this.inFlight.size;
  }
}
