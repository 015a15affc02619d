import type { AnswerHandlers, AnswerOutcome, AnswerRequestOptions } from '@/lib/client/fetch-answer';
import type { ResumeOutcome } from '@/lib/client/resume-answer';
import type { RillError } from '@/lib/errors';

/**
 * The streaming client (AI SDK stream parsing and its zod schemas) is a large share of the chat's
 * JavaScript and is not needed to show the page: it is fetched once the page is idle (`preload`),
 * or at the first answer at the latest.
 */
let streamingClient: Promise<typeof import('@/lib/client/resume-answer') & typeof import('@/lib/client/fetch-answer')> | undefined;

export function preloadStreamingClient() {
  streamingClient ??= Promise.all([import('@/lib/client/fetch-answer'), import('@/lib/client/resume-answer')]).then(([fetching, resuming]) => ({
    ...fetching,
    ...resuming,
  }));
  return streamingClient;
}

// A literal, not rillError(): lib/errors brings zod, which this module keeps out of the first load.
const unloadable = (): RillError => ({ code: 'network', message: 'Rill could not load what it needs to answer. Check your connection and try again.' });

async function loadClient() {
  try {
    return await preloadStreamingClient();
  } catch {
    streamingClient = undefined;
    return undefined;
  }
}

/** `fetchAnswer`, loaded on demand; like it, never throws. */
export async function fetchAnswerLazily(url: string, body: unknown, signal: AbortSignal, handlers: AnswerHandlers, options?: AnswerRequestOptions): Promise<AnswerOutcome> {
  const client = await loadClient();
  return client ? client.fetchAnswer(url, body, signal, handlers, options) : { status: 'error', error: unloadable() };
}

/** `resumeAnswer`, loaded on demand; like it, never throws. */
export async function resumeAnswerLazily(streamId: string, signal: AbortSignal, handlers: AnswerHandlers): Promise<ResumeOutcome> {
  const client = await loadClient();
  return client ? client.resumeAnswer(streamId, signal, handlers) : { status: 'error', error: unloadable() };
}

/** `stopAnswer`, loaded on demand; never throws. */
export async function stopAnswerLazily(streamId: string): Promise<void> {
  await (await loadClient())?.stopAnswer(streamId);
}
