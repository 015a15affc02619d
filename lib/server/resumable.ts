import 'server-only';
import { JsonToSseTransformStream } from 'ai';
import { LRUCache } from 'lru-cache';
import { createResumableStreamContext, type Publisher, type Subscriber } from 'resumable-stream/generic';
import { streamOfChunks, type AnswerChunk, type AnswerRun } from './answer-run';

const KEY_PREFIX = 'rill:answers';
const STOP_CHANNEL = `${KEY_PREFIX}:stop`;
/** A reader that reloads just after the answer ended still gets all of it, for this long. */
const FINISHED_SECONDS = 10 * 60;

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
}

/**
 * Answers that survive a reload, on the `resumable-stream` library (the AI SDK's resume pattern):
 * with Redis pub/sub any instance can resume an answer another instance is producing; without it
 * the same code runs on an in-process publisher/subscriber.
 */
export function createResumableAnswers({ publisher, subscriber, graceMs }: { publisher: Publisher; subscriber: Subscriber; graceMs: number }): ResumableAnswers {
  const context = createResumableStreamContext({ waitUntil: null, publisher, subscriber, keyPrefix: KEY_PREFIX });
  const stopped = new LRUCache<string, true>({ max: 10_000, ttl: FINISHED_SECONDS * 1000 });
  const parked = new Map<string, { release: () => void; timer: ReturnType<typeof setTimeout> }>();
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

  /** While a resumed reader reads, a short-lived key says so, for the instance holding the parked lease. */
  function markReading(streamId: string, live: ReadableStream<string>): ReadableStream<string> {
    const ttlSeconds = Math.ceil(graceMs / 1000) + 1;
    const mark = () => publisher.set(readingKey(streamId), '1', { EX: ttlSeconds }).catch(() => undefined);
    void mark();
    const refresh = setInterval(mark, Math.max(250, graceMs / 2));
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

  return {
    async register(streamId, run) {
      listeningForStops ??= subscriber.subscribe(STOP_CHANNEL, stopHere);
      await listeningForStops;
      if ((await context.hasExistingStream(streamId)) !== null) return false;
      const producer = await context.createNewResumableStream(streamId, () => toSse(run.read()));
      // The library also hands back a copy for a first reader; the run serves that reader itself.
      await producer?.cancel();
      void run.outcome.then(({ chunks }) => publisher.set(finishedKey(streamId), JSON.stringify(chunks), { EX: FINISHED_SECONDS }).catch(() => undefined));
      return true;
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

    async resume(streamId) {
      const live = await context.resumeExistingStream(streamId).catch(() => null);
      if (live) return markReading(streamId, live);
      const finished = await publisher.get(finishedKey(streamId)).catch(() => null);
      return typeof finished === 'string' ? toSse(streamOfChunks(JSON.parse(finished) as AnswerChunk[])) : null;
    },

    async stop(streamId) {
      stopHere(streamId);
      await publisher.publish(STOP_CHANNEL, streamId).catch(() => undefined);
    },
  };
}

function toSse(chunks: ReadableStream<AnswerChunk>): ReadableStream<string> {
  return chunks.pipeThrough(new JsonToSseTransformStream());
}
