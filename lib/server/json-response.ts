import { codeForStatus, type RillErrorCode } from '@/lib/errors';

/** Every API error has one shape: `{ error, code }` plus `retryAfter` where a wait applies. */
export function jsonError(
  status: number,
  error: string,
  { code = codeForStatus(status), retryAfter, headers }: { code?: RillErrorCode; retryAfter?: number; headers?: HeadersInit } = {},
): Response {
  const responseHeaders = new Headers(headers);
  if (retryAfter !== undefined) responseHeaders.set('retry-after', String(Math.ceil(retryAfter)));
  return Response.json(retryAfter === undefined ? { error, code } : { error, code, retryAfter: Math.ceil(retryAfter) }, {
    status,
    headers: responseHeaders,
  });
}

/**
 * The handler, but a failure nobody foresaw is a 500 with the same JSON body as every other error
 * (Next would send an empty one), and its stack goes to the server's error output: never its request.
 */
export function jsonOnFailure<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error('A route failed unexpectedly:', error instanceof Error ? (error.stack ?? error.message) : String(error));
      return jsonError(500, 'Something went wrong on the server. Try again.', { code: 'unknown' });
    }
  };
}
