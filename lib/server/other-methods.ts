import 'server-only';
import { jsonError } from './json-response';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Handlers for the methods a route does not answer: a 405 with a JSON body saying which it does, and
 * an `Allow` header, where Next.js alone would send an empty 405. A route exports them beside its own:
 * `export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');`
 */
export function otherMethods<Allowed extends Method>(...allowed: Allowed[]): Record<Exclude<Method, Allowed>, () => Response> {
  const refuse = () => jsonError(405, `This endpoint answers ${allowed.join(' and ')} only.`, { headers: { allow: allowed.join(', ') } });
  return Object.fromEntries(METHODS.filter((method) => !(allowed as Method[]).includes(method)).map((method) => [method, refuse])) as Record<Exclude<Method, Allowed>, () => Response>;
}
