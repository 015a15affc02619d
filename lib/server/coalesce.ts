import 'server-only';
import type { Redis } from 'ioredis';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { answerChunksOfText } from '@/lib/protocol/read-sse';
import { AnswerRun, type ProduceAnswer } from './answer-run';
import type { ResumableAnswers } from './resumable';


export interface RunCoalescer {
  /** A new run for `key`, or the one an identical request already started (`joined`); no key, no sharing. */
  startOrJoin(key: string | undefined, produce: ProduceAnswer): Promise<{ run: AnswerRun; joined: boolean }>;
}

/**
 * Identical deterministic requests in flight at the same time share one upstream call: the first
 * starts a run under the request's key, later ones join it and read it from the start. A run leaves
 * the registry when it ends, so a request after that goes to the cache or upstream again.
 */
export class Coalescer implements RunCoalescer {
  private readonly inFlight = new Map<string, AnswerRun>();

  async startOrJoin(key: string | undefined, produce: ProduceAnswer) {
    const current = this.running(key);
    return current ? { run: current, joined: true } : { run: this.start(key, produce), joined: false };
  }

  running(key: string | undefined): AnswerRun | undefined {
    const run = key === undefined ? undefined : this.inFlight.get(key);
    return run && !run.isEnded ? run : undefined;
  }

  start(key: string | undefined, produce: ProduceAnswer): AnswerRun {
    const run = new AnswerRun(produce);
    if (key !== undefined) {
      this.inFlight.set(key, run);
      void run.outcome.then(() => {
        if (this.inFlight.get(key) === run) this.inFlight.delete(key);
      });
    }
    return run;
  }
}

// Longer than any answer may take; only bounds a claim whose instance died.
const CLAIM_SECONDS = 10 * 60;
const RELEASE_CLAIM = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/**
 * Coalescing across instances through Redis: the instance that claims a key first runs the call and
 * shares it as a resumable stream; an identical request on another instance follows that stream from
 * its first chunk instead of calling the model again. Within each instance, the local coalescer fans
 * a run out to every reader as before.
 */
export function createSharedCoalescer(local: Coalescer, redis: Redis, resumable: ResumableAnswers): RunCoalescer {
  // Requests for a key that is being claimed right now wait for that claim instead of racing it.
  const claiming = new Map<string, Promise<AnswerRun>>();

  async function claim(key: string, produce: ProduceAnswer): Promise<{ run: AnswerRun; joined: boolean }> {
    const claimKey = `rill:inflight:${key}`;
    const runId = crypto.randomUUID();
    const claimed = await redis.set(claimKey, runId, 'EX', CLAIM_SECONDS, 'NX').catch(() => 'OK');
    if (claimed === 'OK') {
      const run = local.start(key, produce);
      await resumable.share(runId, run);
      void run.outcome.then(() => redis.eval(RELEASE_CLAIM, 1, claimKey, runId).catch(() => undefined));
      return { run, joined: false };
    }
    const leader = await redis.get(claimKey).catch(() => null);
    const followed = leader === null ? null : await resumable.follow(leader);
    // The claim's holder went away before sharing: answer here.
    if (!followed) return { run: local.start(key, produce), joined: false };
    return { run: local.start(key, (signal) => chunksOf(followed, signal)), joined: true };
  }

  return {
    async startOrJoin(key, produce) {
      if (key === undefined) return local.startOrJoin(key, produce);
      const here = local.running(key) ?? (await claiming.get(key));
      if (here && !here.isEnded) return { run: here, joined: true };
      const claimed = claim(key, produce);
      const run = claimed.then((result) => result.run);
      claiming.set(key, run);
      try {
        return await claimed;
      } finally {
        if (claiming.get(key) === run) claiming.delete(key);
      }
    },
  };
}

/** A followed answer's event text as chunks again; the run's abort (no reader left here) stops following. */
async function* chunksOf(sse: ReadableStream<string>, signal: AbortSignal): AsyncGenerator<AnswerChunk> {
  try {
    yield* answerChunksOfText(sse, signal);
  } catch {
    // The other instance or Redis went away: the run ends here without a finish, so it reads as cut off.
  }
}
