import { parseJsonEventStream, uiMessageChunkSchema } from 'ai';
import { answerMetadataSchema, type AnswerMetadata } from '@/lib/answer-metadata';
import { STREAM_ID_HEADER } from '@/lib/answer-stream-id';
import { decodeStreamError, errorFromResponse, rillError, type RillError } from '@/lib/errors';

export interface AnswerHandlers {
  /** Called for each piece of answer text, in order. */
  onText: (delta: string) => void;
  onMetadata?: (metadata: AnswerMetadata) => void;
}

export type AnswerOutcome = { status: 'done' } | { status: 'stopped' } | { status: 'error'; error: RillError };

export interface AnswerRequestOptions {
  /** Makes the answer resumable after a reload under this id (see resume-answer.ts). */
  streamId?: string;
  /** Ask for a fresh answer even when an identical one is cached. */
  fresh?: boolean;
}

/**
 * POSTs to a Rill answer route and feeds the streamed answer to `handlers` as it arrives. Resolves
 * with how the answer ended; never throws, so every caller handles stop, failure and success alike.
 * Aborting `signal` cancels the request, which the server passes on to the model provider.
 */
export async function fetchAnswer(
  url: string,
  body: unknown,
  signal: AbortSignal,
  handlers: AnswerHandlers,
  { streamId, fresh }: AnswerRequestOptions = {},
): Promise<AnswerOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (streamId) headers[STREAM_ID_HEADER] = streamId;
  if (fresh) headers['cache-control'] = 'no-cache';
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal.aborted) return { status: 'stopped' };
    return { status: 'error', error: rillError('network', 'Rill could not reach its server. Check your connection and try again.') };
  }
  if (!response.ok || !response.body) return { status: 'error', error: await errorFromResponse(response) };
  return readAnswer(response.body, signal, handlers);
}

/** Feeds a UI message stream response body to `handlers` and tells how the answer ended. */
export async function readAnswer(body: ReadableStream<Uint8Array>, signal: AbortSignal, handlers: AnswerHandlers): Promise<AnswerOutcome> {
  let receivedText = false;
  let finished = false;
  let error: RillError | undefined;
  try {
    const chunks = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema });
    for await (const result of chunks) {
      if (!result.success) continue;
      const chunk = result.value;
      switch (chunk.type) {
        case 'text-delta':
          receivedText = true;
          handlers.onText(chunk.delta);
          break;
        case 'start':
        case 'finish':
        case 'message-metadata': {
          const metadata = answerMetadataSchema.safeParse(chunk.messageMetadata);
          if (chunk.messageMetadata !== undefined && metadata.success) handlers.onMetadata?.(metadata.data);
          if (chunk.type === 'finish') finished = true;
          break;
        }
        case 'error':
          error = decodeStreamError(chunk.errorText);
          break;
        case 'abort':
          return { status: 'stopped' };
      }
    }
  } catch {
    if (signal.aborted) return { status: 'stopped' };
    return { status: 'error', error: lostConnection(receivedText) };
  }
  if (signal.aborted) return { status: 'stopped' };
  if (error) return { status: 'error', error };
  if (!finished) return { status: 'error', error: lostConnection(receivedText) };
  return { status: 'done' };
}

function lostConnection(receivedText: boolean): RillError {
  return receivedText
    ? rillError('interrupted', 'The connection dropped mid-answer. The text so far is kept.')
    : rillError('network', 'The connection to Rill dropped before the answer started.');
}
