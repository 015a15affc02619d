import { createParser } from 'eventsource-parser';
import { parseChunk, type AnswerChunk } from './chunks';

/**
 * Reads an answer's event stream and hands each chunk to `onChunk` as it arrives. Resolves when the
 * stream ends; rejects when it breaks (a dropped connection, an aborted fetch).
 */
export async function readAnswerEvents(body: ReadableStream<Uint8Array>, onChunk: (chunk: AnswerChunk) => void): Promise<void> {
  const parser = createParser({
    onEvent: ({ data }) => {
      const chunk = parseChunk(data);
      if (chunk) onChunk(chunk);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
