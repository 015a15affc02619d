import { createParser } from 'eventsource-parser';
import { parseChunk, type AnswerChunk } from './chunks';

/**
 * Reads a stream of server-sent events, handing each event's data to `onData` as it arrives;
 * `onData` returning 'stop' ends the reading there. Resolves when the stream ends (or is stopped);
 * rejects when it breaks (a dropped connection, an aborted fetch).
 */
export async function readServerSentEvents(body: ReadableStream<Uint8Array>, onData: (data: string) => void | 'stop'): Promise<void> {
  let stopped = false;
  const parser = createParser({
    onEvent: ({ data }) => {
      if (!stopped && onData(data) === 'stop') stopped = true;
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    while (!stopped) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    await reader.cancel();
  } finally {
    reader.releaseLock();
  }
}

/** An answer's event stream, chunk by chunk (see chunks.ts). */
export function readAnswerEvents(body: ReadableStream<Uint8Array>, onChunk: (chunk: AnswerChunk) => void): Promise<void> {
  return readServerSentEvents(body, (data) => {
    const chunk = parseChunk(data);
    if (chunk) onChunk(chunk);
  });
}

/**
 * The chunks of an answer's event text as they arrive (another instance's answer, followed through
 * Redis); aborting `signal` stops reading.
 */
export async function* answerChunksOfText(text: ReadableStream<string>, signal?: AbortSignal): AsyncGenerator<AnswerChunk> {
  const pending: AnswerChunk[] = [];
  const parser = createParser({
    onEvent: ({ data }) => {
      const chunk = parseChunk(data);
      if (chunk) pending.push(chunk);
    },
  });
  const reader = text.getReader();
  signal?.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(value);
      yield* pending.splice(0);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
