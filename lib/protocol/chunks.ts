import type { UIMessageChunk } from 'ai';
import type { AnswerMetadata } from './metadata';

/**
 * Every answer travels as the AI SDK's UI message stream: server-sent events, one JSON chunk each
 * (`start`, `text-delta`, …, `finish` or `error`), then `[DONE]`. A stock AI SDK client (useChat,
 * DefaultChatTransport) reads Rill's routes unchanged. The type is the SDK's; only the few chunk
 * types below carry anything Rill reads.
 */
export type AnswerChunk = UIMessageChunk<AnswerMetadata>;

/** The stream's last event: AI SDK readers stop at it. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** One chunk as a server-sent event. */
export function sseFrame(chunk: AnswerChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/**
 * The chunk in one event's data, or undefined for `[DONE]` and for anything that is not a chunk.
 * Only the shape Rill relies on is checked (an object with a string `type`); the fold checks the
 * fields it reads.
 */
export function parseChunk(data: string): AnswerChunk | undefined {
  if (data === '[DONE]') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as AnswerChunk) : undefined;
  } catch {
    return undefined;
  }
}
