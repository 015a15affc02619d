import { answerStreamPath } from '@/lib/answer-stream-id';
import { errorFromResponse, rillError } from '@/lib/errors';
import { readAnswer, type AnswerHandlers, type AnswerOutcome } from './fetch-answer';

/**
 * Answers that survive a reload. The store names an answer before asking for it, saves that id with
 * the message while it streams, and after a reload asks the server for the rest:
 *
 *   const streamId = newAnswerStreamId();            // save it on the streaming message
 *   await fetchAnswer(url, body, signal, handlers, { streamId });
 *   // after a reload, for a message still marked streaming with a streamId:
 *   clear its text; await resumeAnswer(streamId, signal, handlers);
 *   // Stop: abort the fetch AND call stopAnswer(streamId), or the server keeps the answer going for a reload.
 */
export function newAnswerStreamId(): string {
  return crypto.randomUUID();
}

export type ResumeOutcome = AnswerOutcome | { status: 'gone' };

/**
 * Reconnects to the answer named `streamId` and feeds it to `handlers` from its first token (so the
 * caller clears the text it kept first), live until it ends. 'gone' when the server no longer has it
 * (it ended more than ten minutes ago, or the server restarted). Never throws.
 */
export async function resumeAnswer(streamId: string, signal: AbortSignal, handlers: AnswerHandlers): Promise<ResumeOutcome> {
  let response: Response;
  try {
    response = await fetch(answerStreamPath(streamId), { signal });
  } catch {
    if (signal.aborted) return { status: 'stopped' };
    return { status: 'error', error: rillError('network', 'Rill could not reach its server to pick the answer up again.') };
  }
  if (response.status === 204) return { status: 'gone' };
  if (!response.ok || !response.body) return { status: 'error', error: await errorFromResponse(response) };
  return readAnswer(response.body, signal, handlers);
}

/** Tells the server the user stopped this answer, so its model call ends now. Never throws. */
export async function stopAnswer(streamId: string): Promise<void> {
  try {
    await fetch(answerStreamPath(streamId), { method: 'DELETE', keepalive: true });
  } catch {
    // The server ends it anyway once the grace period for a reload has passed.
  }
}
