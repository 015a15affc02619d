import 'server-only';
import { jsonError } from './json-response';

/** `application/json`, with parameters (`; charset=utf-8`) but not a look-alike such as `application/json-seq`. */
export function isJsonContentType(value: string | null): boolean {
  return /^application\/json\s*(;|$)/i.test((value ?? '').trim());
}

/**
 * A request another site's page made the browser send. Browsers say where a request comes from in
 * `Sec-Fetch-Site`, which is believed first: comparing `Origin` with `Host` would refuse Rill's own
 * pages behind a proxy that rewrites `Host`. Only without it (an older browser) is a foreign `Origin`
 * the sign. Requests with neither (curl, a server) are not a browser acting for someone else.
 */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'cross-site' || site === 'same-site';
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('host');
  try {
    return origin === 'null' || host === null || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * What is refused before a request touches its client's budget: a cross-site request (403), so
 * another site cannot spend a visitor's budget or quota, and, for a request with a body, one that is
 * not JSON (415), which is also how an HTML form posts across sites.
 */
export function refusedBeforeBudget(request: Request, { expectsJson }: { expectsJson: boolean }): Response | undefined {
  if (isCrossSite(request)) return jsonError(403, 'Requests from other sites are not accepted.', { code: 'bad_request' });
  if (expectsJson && !isJsonContentType(request.headers.get('content-type'))) {
    return jsonError(415, 'Send the request body as JSON (content-type: application/json).');
  }
  return undefined;
}
