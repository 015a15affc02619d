import type { AnswerHandlers, AnswerOutcome } from '@/lib/client/fetch-answer';

/**
 * The streaming client (AI SDK stream parsing and its zod schemas) is a large share of the chat's
 * JavaScript and is not needed to show the page: it is fetched once the page is idle (`preload`),
 * or at the first answer at the latest.
 */
let streamingClient: Promise<typeof import('@/lib/client/fetch-answer')> | undefined;

export function preloadStreamingClient() {
  streamingClient ??= import('@/lib/client/fetch-answer');
  return streamingClient;
}

/** `fetchAnswer`, loaded on demand; like it, never throws. */
export async function fetchAnswerLazily(url: string, body: unknown, signal: AbortSignal, handlers: AnswerHandlers): Promise<AnswerOutcome> {
  let client: typeof import('@/lib/client/fetch-answer');
  try {
    client = await preloadStreamingClient();
  } catch {
    streamingClient = undefined;
    return { status: 'error', error: { code: 'network', message: 'Rill could not load what it needs to answer. Check your connection and try again.' } };
  }
  return client.fetchAnswer(url, body, signal, handlers);
}
