import 'server-only';
import { clientOf, hashClient } from './client-identity';
import { jsonError } from './json-response';

/** Who is asking, as the limits count them and as far as what they save goes. */
export interface Requester {
  /** The key of every per-client budget: a signed-in user's own (`user:…`, see rate-limit.ts), else the client address's hash. */
  limitKey: string;
  /** Whose conversations the request may save into, when the request names an owner (a signed-in user, or a guest's cookie). */
  ownerId?: string;
  /** The request carried a session cookie that names no session: it is answered 401, with these Set-Cookie values that forget it. */
  signedOut?: { forgetCookies: string[] };
}

export const signedOutMessage = 'You are signed out: your session ended or was ended on another device. Sign in again to reach your chats.';

/** Marks the budgets of signed-in users, which an operator may set larger than guests'. */
export const SIGNED_IN_LIMIT_PREFIX = 'user:';

/** The limit key of a signed-in user: their id, hashed like an address so logs never hold it. */
export function signedInLimitKey(userId: string): string {
  return `${SIGNED_IN_LIMIT_PREFIX}${hashClient(`user:${userId}`)}`;
}

/** Who is asking when nobody is signed in: the client's address. */
export async function requesterByAddress(request: Request): Promise<Requester> {
  return { limitKey: clientOf(request) };
}

export type IdentifyRequester = (request: Request) => Promise<Requester>;

/** The answer to a request whose session is gone: a 401 the page shows as signed out, and the dead cookie forgotten. */
export function signedOutResponse({ forgetCookies }: { forgetCookies: string[] }): Response {
  const response = jsonError(401, signedOutMessage, { code: 'signed_out' });
  for (const cookie of forgetCookies) response.headers.append('set-cookie', cookie);
  return response;
}
