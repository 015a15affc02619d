import 'server-only';
import { LRUCache } from 'lru-cache';
import { createResumableStreamContext, type Publisher, type Subscriber } from 'resumable-stream/generic';
import { SSE_DONE } from '@/lib/protocol/chunks';
import type { AnswerRun } from './answer-run';

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
  /** Makes a run resumable under `streamId`; false when the id is already taken. */
  register(streamId: string, run: AnswerRun): Promise<boolean>;
  /**
   * The reader that asked for `streamId` went away before the end. Its lease is released after the
   * grace period, unless a resumed reader is still reading then; at once when the answer was stopped.
   */
  park(streamId: string, release: () => void): void;
  /** The answer's response body from its first chunk, live if it is still going; null when unknown or expired. */
  resume(streamId: string): Promise<ReadableStream<Uint8Array> | null>;
  /** The user pressed Stop: let the answer's upstream call end now, on whichever instance runs it. */
  stop(streamId: string): Promise<void>;
  /** Shares a run no client named, for identical requests on other instances; their reading keeps it going. */
  share(runId: string, run: AnswerRun): Promise<void>;
  /** Follows, as event text, a run another instance shares (waiting briefly for it to appear); null when there is none. */
  follow(runId: string): Promise<ReadableStream<string> | null>;
}

/**
 * Answers that survive a reload. A reader on the instance that runs the answer reads the run itself,
 * from its first chunk, holding a lease on it while it reads. With Redis (`shared`) the answer is
 * also published through the `resumable-stream` library (the AI SDK's resume pattern), so any other
 * instance can follow it. Once an answer ends its events are kept for a while under its id, in Redis
 * or in this process's bounded store, for readers that come back just after the end.
 */
export function createResumableAnswers({ publisher, subscriber, graceMs, shared }: { publisher: Publisher; subscriber: Subscriber; graceMs: number; shared: boolean }): ResumableAnswers {
  const context = createResumableStreamContext({ waitUntil: null, publisher, subscriber, keyPrefix: KEY_PREFIX });
  const stopped = new LRUCache<string, true>({ max: 10_000, ttl: FINISHED_SECONDS * 1000 });
  const parked = new Map<string, { release: () => void; timer: ReturnType<typeof setTimeout> }>();
  /** Answers running on this instance, by stream id, until their events are stored as finished. */
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

  /** While a reader on another instance reads, a short-lived key says so, for the instance running the answer. */
  function markReading(streamId: string, elsewhere: ReadableStream<string>): ReadableStream<string> {
    const mark = () => publisher.set(readingKey(streamId), '1', { EX: READING_TTL_SECONDS }).catch(() => undefined);
    void mark();
    const refresh = setInterval(mark, READING_REFRESH_MS);
    const reader = elsewhere.getReader();
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
    const producer = await context.createNewResumableStream(streamId, () => run.readText());
    // The library also hands back a copy for a first reader; the run serves that reader itself.
    await producer?.cancel();
  }

  function keepWhenFinished(streamId: string, run: AnswerRun) {
    void run.outcome.then(async ({ frames }) => {
      await publisher.set(finishedKey(streamId), JSON.stringify(frames), { EX: FINISHED_SECONDS }).catch(() => undefined);
      // Only now: a reader arriving in between finds the run itself.
      if (live.get(streamId) === run) live.delete(streamId);
    });
  }

  /** The answer as event text, from another instance or from the finished store. */
  async function textOf(streamId: string): Promise<ReadableStream<string> | null> {
    if (shared) {
      const elsewhere = await context.resumeExistingStream(streamId).catch(() => null);
      if (elsewhere) return markReading(streamId, elsewhere);
    }
    const finished = await publisher.get(finishedKey(streamId)).catch(() => null);
    if (typeof finished !== 'string') return null;
    const text = (JSON.parse(finished) as string[]).join('') + SSE_DONE;
    return new ReadableStream<string>({
      start(controller) {
        controller.enqueue(text);
        controller.close();
      },
    });
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

    async resume(streamId) {
      const here = live.get(streamId);
      if (here) {
        // The lease keeps the answer going while this reader reads, whatever the first reader does.
        const release = here.retain();
        return here.readBytes({ onEnd: release });
      }
      const text = await textOf(streamId);
      return text && text.pipeThrough(new TextEncoderStream());
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
        const stream = await textOf(runId);
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

    async stop(streamId) {
      stopHere(streamId);
      if (shared) await publisher.publish(STOP_CHANNEL, streamId).catch(() => undefined);
    },
  };
}
