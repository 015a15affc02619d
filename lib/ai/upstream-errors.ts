import { APICallError, RetryError, StreamProviderError } from 'ai';
import { retryAfterMs } from './retry-after';
import { codeForStatus, rillError, type RillError } from '@/lib/errors';

/**
 * Turns whatever the provider call threw into a RillError a user can act on. `streamedText` says
 * whether part of the answer already arrived: a failure after that is an interruption, and the
 * browser keeps the partial text.
 */
export function classifyUpstreamError(error: unknown, { streamedText }: { streamedText: boolean }): RillError {
  const cause = RetryError.isInstance(error) ? error.lastError : error;

  if (isTimeout(cause)) {
    return rillError('timeout', streamedText ? 'The model stopped sending mid-answer and the wait timed out.' : 'The model did not start answering in time.');
  }
  // An error the provider sent inside an HTTP 200 stream (as some OpenAI-compatible servers do)
  // arrives with a status guessed from its words ("invalid_api_key" reads as a 400): its own code
  // says more, so it is read first, for errors over HTTP too.
  if (APICallError.isInstance(cause) && cause.statusCode !== undefined && cause.statusCode >= 400) {
    // The body is `{ error: { code, type } }` over HTTP; an in-stream error carries `{ code, type }` itself.
    const data = cause.data as { code?: unknown; type?: unknown; error?: { code?: unknown; type?: unknown } } | undefined;
    const words = `${data?.error?.code ?? data?.code ?? ''} ${data?.error?.type ?? data?.type ?? ''}`;
    return fromStatus(statusForCode(words) ?? cause.statusCode, cause.responseHeaders, providerMessage(cause));
  }
  if (StreamProviderError.isInstance(cause)) {
    const status = statusForCode(`${cause.code ?? ''} ${cause.type ?? ''}`) ?? cause.statusCode;
    if (status !== undefined && status >= 400) return fromStatus(status, undefined, cause.message);
  }
  if (streamedText) return rillError('interrupted', 'The connection to the model broke mid-answer. The text so far is kept.');
  return rillError('unavailable', 'The model provider could not be reached. Check that it is running and try again.');
}

function fromStatus(status: number, headers: Record<string, string> | undefined, detail: string | undefined): RillError {
  const code = codeForStatus(status);
  switch (code) {
    case 'rate_limited': {
      const waitMs = retryAfterMs(headers);
      const retryAfter = waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000));
      return rillError('rate_limited', 'The model provider is rate limiting requests.', retryAfter);
    }
    case 'auth':
      return rillError('auth', 'The model provider rejected the API key. Check OPENAI_API_KEY on the server.');
    case 'model_not_found':
      return rillError('model_not_found', detail ?? 'The model provider does not know this model. Pick another model.');
    case 'unavailable':
      return rillError('unavailable', `The model provider is unavailable (HTTP ${status}). Try again shortly.`);
    default:
      return rillError(code, detail ?? `The model provider refused the request (HTTP ${status}).`);
  }
}

function statusForCode(codeAndType: string): number | undefined {
  const words = codeAndType.toLowerCase();
  if (/invalid_api_key|authentication|unauthori[sz]ed|incorrect api key/.test(words)) return 401;
  if (/permission|forbidden/.test(words)) return 403;
  if (/model_not_found|not_found/.test(words)) return 404;
  if (/rate_limit|insufficient_quota/.test(words)) return 429;
  return undefined;
}

function providerMessage(error: APICallError): string | undefined {
  const data = error.data as { message?: unknown; error?: { message?: unknown } } | undefined;
  const message = data?.error?.message ?? data?.message;
  return typeof message === 'string' ? message : undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
