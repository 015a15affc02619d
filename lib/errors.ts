import { z } from 'zod';

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
  'model_not_found',
  'unavailable',
  'network',
  'interrupted',
  'timeout',
  'unknown',
] as const;

export type RillErrorCode = (typeof rillErrorCodes)[number];

export const rillErrorSchema = z.object({
  code: z.enum(rillErrorCodes),
  message: z.string(),
  /** Seconds until a retry may succeed, when the server knows it (rate limits). */
  retryAfter: z.number().nonnegative().optional(),
});

export type RillError = z.infer<typeof rillErrorSchema>;

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
    const parsed = rillErrorSchema.safeParse(JSON.parse(errorText));
    if (parsed.success) return parsed.data;
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
  const parsed = z
    .object({ error: z.string(), code: z.enum(rillErrorCodes).optional(), retryAfter: z.number().optional() })
    .safeParse(body);
  const code = parsed.data?.code ?? codeForStatus(response.status);
  return rillError(code, parsed.data?.error ?? `The server answered ${response.status}.`, parsed.data?.retryAfter ?? retryAfter);
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

/** A short title for an error, shown above its message. */
export function errorTitle(error: RillError): string {
  switch (error.code) {
    case 'rate_limited':
      return error.retryAfter ? `Rate limited — try again in ${Math.ceil(error.retryAfter)} s` : 'Rate limited';
    case 'auth':
      return 'The API key was rejected';
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
