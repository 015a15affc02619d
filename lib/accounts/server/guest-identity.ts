import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that names a visitor who has not signed in: a guest, with history of their own on the server. */
export const GUEST_COOKIE = 'rill_guest';
const GUEST_COOKIE_DAYS = 400; // the longest a browser keeps a cookie (Chrome's cap)

/** How a guest's owner id starts: what tells guests from accounts in the database. */
export const GUEST_OWNER_PREFIX = 'guest:';

/** Who a request speaks for, as far as its own data goes (conversations). */
export interface Owner {
  id: string;
  /** A Set-Cookie value to send back when the owner was made just now. */
  setCookie?: string;
}

/**
 * Guests are named by a random id in a cookie signed with the server's secret: the browser keeps it,
 * and a forged or altered one is ignored. Nothing about the guest is stored until they save a chat.
 */
export function createGuestIdentity(secret: string) {
  const sign = (id: string) => createHmac('sha256', secret).update(`guest:${id}`).digest('base64url');

  /** The guest the request's cookie names, when its signature holds; null otherwise. */
  function guestOf(request: Pick<Request, 'headers'>): string | null {
    const value = cookieValue(request.headers.get('cookie'), GUEST_COOKIE);
    const [id, signature] = value?.split('.') ?? [];
    if (!id || !signature || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
    const expected = Buffer.from(sign(id));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? `${GUEST_OWNER_PREFIX}${id}` : null;
  }

  /** The request's guest, or a new one (with the cookie that names it) when it has none. */
  function ownerOf(request: Request): Owner {
    const known = guestOf(request);
    if (known) return { id: known };
    const id = randomBytes(16).toString('base64url');
    const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${GUEST_COOKIE_DAYS * 24 * 60 * 60}`, ...(isHttps(request) ? ['Secure'] : [])];
    return { id: `${GUEST_OWNER_PREFIX}${id}`, setCookie: `${GUEST_COOKIE}=${id}.${sign(id)}; ${attributes.join('; ')}` };
  }

  return { guestOf, ownerOf };
}

/** Reached over TLS, directly or through a proxy that ended it: the cookie may then say Secure (plain-http localhost could not keep it). */
export function isHttps(request: Pick<Request, 'url' | 'headers'>): boolean {
  return new URL(request.url).protocol === 'https:' || /\bhttps\b/i.test(request.headers.get('x-forwarded-proto') ?? '');
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
