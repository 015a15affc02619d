import type { AnswerHandlers, AnswerOutcome } from '@/lib/client/fetch-answer';
import { fetchAnswerLazily } from '@/lib/client/lazy-answer-client';
import type { TranslateRequestBody } from './request-schema';

/**
 * Streams a translation from `POST /api/translate` in the browser: the translator page and chat's
 * "Translate to…" both call this. `handlers.onMetadata` receives `detectedLanguage` when the source
 * was detected. Aborting `signal` cancels every model call the translation made on the server.
 */
export function fetchTranslation(body: TranslateRequestBody, signal: AbortSignal, handlers: AnswerHandlers): Promise<AnswerOutcome> {
  return fetchAnswerLazily('/api/translate', body, signal, handlers);
}
