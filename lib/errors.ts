/**
 * What went wrong, in terms a user can act on. The same codes travel in HTTP error bodies and inside
 * streams, so the browser maps a code to a message in one place instead of reading error strings.
 */
export const rillErrorCodes = [
  'bad_request',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'auth',
  'signed_out',
  'model_not_found',
  'unavailable',
  'network',
  'interrupted',
  'timeout',
  'unknown',
] as const;

export type RillErrorCode = (typeof rillErrorCodes)[number];

export interface RillError {
  code: RillErrorCode;
  message: string;
  /** Seconds until a retry may succeed, when the server knows it (rate limits). */
  retryAfter?: number;
}

// Checked by hand rather than with zod: every page shows errors, and zod would add ~37 kB (gzip) to
// each page's first load. lib/protocol/schemas.ts wraps this check for zod, for validating stored data.
export function isRillErrorCode(value: unknown): value is RillErrorCode {
  return typeof value === 'string' && (rillErrorCodes as readonly string[]).includes(value);
}

export function isRillError(value: unknown): value is RillError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, retryAfter } = value as Record<string, unknown>;
  return isRillErrorCode(code) && typeof message === 'string' && (retryAfter === undefined || (typeof retryAfter === 'number' && retryAfter >= 0));
}

export function rillError(code: RillErrorCode, message: string, retryAfter?: number): RillError {
  return retryAfter === undefined ? { code, message } : { code, message, retryAfter };
}

/**
 * The AI SDK's UI message stream carries a failure as `{ type: 'error', errorText }`, a plain string.
 * Rill puts a RillError, JSON-encoded, in that string so the code survives the trip.
 */
export function encodeStreamError(error: RillError): string {
  return JSON.stringify(error);
}

export function decodeStreamError(errorText: string): RillError {
  try {
    const parsed: unknown = JSON.parse(errorText);
    if (isRillError(parsed)) return parsed;
  } catch {
    // Not one of ours (e.g. a proxy's own text): show it as it came.
  }
  return rillError('unknown', errorText || 'Something went wrong.');
}

/** Reads the `{ error, code?, retryAfter? }` body of a non-2xx JSON response. */
export async function errorFromResponse(response: Response): Promise<RillError> {
  const retryHeader = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A body that is not JSON still has a status worth reporting.
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = isRillErrorCode(fields.code) ? fields.code : codeForStatus(response.status);
  const message = typeof fields.error === 'string' ? fields.error : `The server answered ${response.status}.`;
  return rillError(code, message, typeof fields.retryAfter === 'number' ? fields.retryAfter : retryAfter);
}

export function codeForStatus(status: number): RillErrorCode {
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return 'bad_request';
  return 'unknown';
}

/**
 * Whole seconds still to wait, `elapsedMs` after an error that said to wait `retryAfter` seconds:
 * the figure a countdown shows, never below 0.
 */
export function secondsLeft(retryAfter: number, elapsedMs: number): number {
  return Math.max(0, Math.ceil(retryAfter - elapsedMs / 1000));
}

/** A short title for an error, shown above its message; the message itself leaves the wait to it. */
export function errorTitle(error: RillError): string {
  switch (error.code) {
    case 'rate_limited':
      return error.retryAfter ? `Rate limited — try again in ${Math.ceil(error.retryAfter)} s` : 'Rate limited';
    case 'auth':
      return 'The API key was rejected';
    case 'signed_out':
      return 'Signed out';
    case 'model_not_found':
      return 'Model not found';
    case 'unavailable':
      return 'The model provider is unavailable';
    case 'network':
      return 'Network connection lost';
    case 'interrupted':
      return 'The answer was interrupted';
    case 'timeout':
      return 'The model took too long to answer';
    case 'too_large':
      return 'Too much text';
    case 'bad_request':
    case 'unsupported_media_type':
      return 'The request was not accepted';
    case 'unknown':
      return 'Something went wrong';
  }
}
