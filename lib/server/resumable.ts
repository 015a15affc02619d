import 'server-only';
import { JsonToSseTransformStream } from 'ai';
import { LRUCache } from 'lru-cache';
import { createResumableStreamContext, type Publisher, type Subscriber } from 'resumable-stream/generic';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { streamOfChunks, type AnswerRun } from './answer-run';

const KEY_PREFIX = 'rill:answers';
const STOP_CHANNEL = `${KEY_PREFIX}:stop`;
/** A reader that reloads just after the answer ended still gets all of it, for this long. */
const FINISHED_SECONDS = 10 * 60;
/** A resumed reader says it is still reading this often; the mark lapses soon after it stops. */
const READING_REFRESH_MS = 1_000;
const READING_TTL_SECONDS = 3;
/** How long a follower waits for an answer another instance has claimed but not yet shared. */
const FOLLOW_ATTEMPTS = 10;
const FOLLOW_RETRY_MS = 30;

export interface ResumableAnswers {
  /** Makes a run followable under `streamId`; false when the id is already taken. */
  register(streamId: string, run: AnswerRun): Promise<boolean>;
  /**
   * The reader that asked for `streamId` went away before the end. Its lease is released after the
   * grace period, unless a resumed reader is still reading then; at once when the answer was stopped.
   */
  park(streamId: string, release: () => void): void;
  /** The answer as SSE text from its first chunk, live if it is still going; null when unknown or expired. */
  resume(streamId: string): Promise<ReadableStream<string> | null>;
  /** The user pressed Stop: let the answer's upstream call end now, on whichever instance runs it. */
  stop(streamId: string): Promise<void>;
  /** Shares a run no client named, for identical requests on other instances; their reading keeps it going. */
  share(runId: string, run: AnswerRun): Promise<void>;
  /** Follows a run another instance shares (waiting briefly for it to appear); null when there is none. */
  follow(runId: string): Promise<ReadableStream<string> | null>;
}

/**
 * Answers that survive a reload. A reader on the instance that runs the answer reads the run itself,
 * from its first chunk, holding a lease on it while it reads. With Redis (`shared`) the answer is
 * also published through the `resumable-stream` library (the AI SDK's resume pattern), so any other
 * instance can follow it. Once an answer ends its chunks are kept for a while under its id, in Redis
 * or in this process's bounded store, for readers that come back just after the end.
 */
export function createResumableAnswers({ publisher, subscriber, graceMs, shared }: { publisher: Publisher; subscriber: Subscriber; graceMs: number; shared: boolean }): ResumableAnswers {
  const context = createResumableStreamContext({ waitUntil: null, publisher, subscriber, keyPrefix: KEY_PREFIX });
  const stopped = new LRUCache<string, true>({ max: 10_000, ttl: FINISHED_SECONDS * 1000 });
  const parked = new Map<string, { release: () => void; timer: ReturnType<typeof setTimeout> }>();
  /** Answers running on this instance, by stream id, until their chunks are stored as finished. */
  const live = new Map<string, AnswerRun>();
  const readingKey = (streamId: string) => `${KEY_PREFIX}:reading:${streamId}`;
  const finishedKey = (streamId: string) => `${KEY_PREFIX}:finished:${streamId}`;
  let listeningForStops: Promise<unknown> | undefined;

  function stopHere(streamId: string) {
    stopped.set(streamId, true);
    const entry = parked.get(streamId);
    if (!entry) return;
    clearTimeout(entry.timer);
    parked.delete(streamId);
    entry.release();
  }

  /** While a resumed reader reads, a short-lived key says so, for the instance running the answer. */
  function markReading(streamId: string, live: ReadableStream<string>): ReadableStream<string> {
    const mark = () => publisher.set(readingKey(streamId), '1', { EX: READING_TTL_SECONDS }).catch(() => undefined);
    void mark();
    const refresh = setInterval(mark, READING_REFRESH_MS);
    const reader = live.getReader();
    return new ReadableStream<string>({
      async pull(controller) {
        const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (!done) return controller.enqueue(value);
        clearInterval(refresh);
        controller.close();
      },
      cancel(reason) {
        clearInterval(refresh);
        return reader.cancel(reason);
      },
    });
  }

  async function publish(streamId: string, run: AnswerRun) {
    const producer = await context.createNewResumableStream(streamId, () => toSse(run.read()));
    // The library also hands back a copy for a first reader; the run serves that reader itself.
    await producer?.cancel();
  }

  function keepWhenFinished(streamId: string, run: AnswerRun) {
    void run.outcome.then(async ({ chunks }) => {
      await publisher.set(finishedKey(streamId), JSON.stringify(chunks), { EX: FINISHED_SECONDS }).catch(() => undefined);
      // Only now: a reader arriving in between finds the run itself.
      if (live.get(streamId) === run) live.delete(streamId);
    });
  }

  /** The run as SSE text from its first chunk; the lease keeps it going while this reader reads. */
  function readHere(run: AnswerRun): ReadableStream<string> {
    const release = run.retain();
    const reader = toSse(run.read()).getReader();
    return new ReadableStream<string>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        release();
        controller.close();
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    });
  }

  async function resume(streamId: string) {
    const here = live.get(streamId);
    if (here) return readHere(here);
    if (shared) {
      const elsewhere = await context.resumeExistingStream(streamId).catch(() => null);
      if (elsewhere) return markReading(streamId, elsewhere);
    }
    const finished = await publisher.get(finishedKey(streamId)).catch(() => null);
    return typeof finished === 'string' ? toSse(streamOfChunks(JSON.parse(finished) as AnswerChunk[])) : null;
  }

  return {
    async register(streamId, run) {
      if (live.has(streamId)) return false;
      try {
        if ((await publisher.get(finishedKey(streamId))) !== null) return false;
        if (shared) {
          listeningForStops ??= subscriber.subscribe(STOP_CHANNEL, stopHere);
          await listeningForStops;
          if ((await context.hasExistingStream(streamId)) !== null) return false;
        }
      } catch {
        // Redis is unreachable: the answer still streams, and this instance can still resume it.
        listeningForStops = undefined;
      }
      live.set(streamId, run);
      keepWhenFinished(streamId, run);
      if (shared) await publish(streamId, run).catch(() => undefined);
      return true;
    },

    async share(runId, run) {
      await publish(runId, run).catch(() => undefined);
      keepWhenFinished(runId, run);
      // Readers on other instances count as readers here: this lease goes only once neither is left.
      const lease = run.retain();
      const watch = setInterval(async () => {
        const readingElsewhere = (await publisher.get(readingKey(runId)).catch(() => null)) !== null;
        if (!readingElsewhere && run.leaseCount === 1) lease();
      }, READING_REFRESH_MS);
      void run.outcome.then(() => {
        clearInterval(watch);
        lease();
      });
    },

    async follow(runId) {
      for (let attempt = 0; attempt < FOLLOW_ATTEMPTS; attempt++) {
        const stream = await resume(runId);
        if (stream) return stream;
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_RETRY_MS));
      }
      return null;
    },

    park(streamId, release) {
      if (stopped.has(streamId)) return release();
      const check = async () => {
        const reading = await publisher.get(readingKey(streamId)).catch(() => null);
        const entry = parked.get(streamId);
        if (!entry) return;
        if (reading !== null && !stopped.has(streamId)) {
          entry.timer = setTimeout(check, graceMs);
          return;
        }
        parked.delete(streamId);
        release();
      };
      parked.set(streamId, { release, timer: setTimeout(check, graceMs) });
    },

    resume,

    async stop(streamId) {
      stopHere(streamId);
      if (shared) await publisher.publish(STOP_CHANNEL, streamId).catch(() => undefined);
    },
  };
}

function toSse(chunks: ReadableStream<AnswerChunk>): ReadableStream<string> {
  return chunks.pipeThrough(new JsonToSseTransformStream());
}
