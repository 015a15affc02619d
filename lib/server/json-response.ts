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
