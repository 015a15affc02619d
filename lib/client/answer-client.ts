import { errorFromResponse, rillError } from '@/lib/errors';
import { AnswerFold, type AnswerEnd, type FoldListeners } from '@/lib/protocol/answer-fold';
import { readAnswerEvents } from '@/lib/protocol/read-sse';
import { STREAM_ID_HEADER, answerStreamPath } from '@/lib/protocol/stream-id';

/**
 * The browser's side of every answer route: POST, read the stream as it arrives, say how it ended.
 * These functions never throw, so every caller handles stop, failure and success alike. Aborting
 * `signal` cancels the request, which the server passes on to the model provider.
 */
export interface AnswerRequestOptions {
  /** Makes the answer resumable after a reload under this id (see `resumeAnswer`). */
  streamId?: string;
  /** Ask for a fresh answer even when an identical one is cached. */
  fresh?: boolean;
}

/** 'gone': a resumed answer the server no longer has (it ended long ago, or the server restarted). */
export type ResumeEnd = AnswerEnd | { status: 'gone' };

export async function fetchAnswer(url: string, body: unknown, signal: AbortSignal, listeners: FoldListeners, { streamId, fresh }: AnswerRequestOptions = {}): Promise<AnswerEnd> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (streamId) headers[STREAM_ID_HEADER] = streamId;
  if (fresh) headers['cache-control'] = 'no-cache';
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
  } catch {
    if (signal.aborted) return { status: 'stopped' };
    return { status: 'error', error: rillError('network', 'Rill could not reach its server. Check your connection and try again.') };
  }
  if (!response.ok || !response.body) return { status: 'error', error: await errorFromResponse(response) };
  return readAnswer(response.body, signal, listeners);
}

/**
 * Reconnects to the answer named `streamId` (after a reload) and reads it from its first token, live
 * until it ends; the caller skips what it already shows.
 */
export async function resumeAnswer(streamId: string, signal: AbortSignal, listeners: FoldListeners): Promise<ResumeEnd> {
  let response: Response;
  try {
    response = await fetch(answerStreamPath(streamId), { signal });
  } catch {
    if (signal.aborted) return { status: 'stopped' };
    return { status: 'error', error: rillError('network', 'Rill could not reach its server to pick the answer up again.') };
  }
  if (response.status === 204) return { status: 'gone' };
  if (!response.ok || !response.body) return { status: 'error', error: await errorFromResponse(response) };
  return readAnswer(response.body, signal, listeners);
}

/**
 * Tells the server the user stopped this answer, so its model call ends now rather than after the
 * grace period kept for a reload. Call it as well as aborting the request.
 */
export async function stopAnswer(streamId: string): Promise<void> {
  try {
    await fetch(answerStreamPath(streamId), { method: 'DELETE', keepalive: true });
  } catch {
    // The server ends it anyway once the grace period for a reload has passed.
  }
}

async function readAnswer(body: ReadableStream<Uint8Array>, signal: AbortSignal, listeners: FoldListeners): Promise<AnswerEnd> {
  const fold = new AnswerFold(listeners);
  try {
    await readAnswerEvents(body, (chunk) => fold.add(chunk));
  } catch {
    // A broken stream ends without its finish chunk: the fold calls that interrupted.
  }
  return fold.end({ stopped: signal.aborted });
}
