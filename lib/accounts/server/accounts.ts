import 'server-only';
import { getSessionCookie } from 'better-auth/cookies';
import type { AccountUser } from '@/lib/accounts/account-user';
import { rillConfig, type RillConfig } from '@/lib/config';
import { conversationStore } from '@/lib/db/conversation-store';
import { keepsHistory, sharedDatabase } from '@/lib/db/database';
import { processSingleton } from '@/lib/process-singleton';
import { createAuth, SESSION_COOKIE_PREFIX, type Auth } from './auth';
import { createGuestIdentity, isHttps } from './guest-identity';
import { userOwnerId } from './owner-ids';
import { serverSecret } from './server-secret';


/** Who a request speaks for. */
export type RequestOwner =
  | { kind: 'user'; ownerId: string; user: AccountUser }
  | { kind: 'guest'; ownerId: string; /** Names a guest made just now. */ setCookie?: string }
  /** A session cookie that names no live session (forged, expired, revoked, or its user deleted). */
  | { kind: 'signed-out' };

export interface Accounts {
  auth: Auth;
  /**
   * The account the request's session names, else its guest. `newGuest` makes a guest (with the
   * cookie that names it) for a visitor who has none; without it such a visitor is nobody's.
   */
  ownerOf(request: Request, options?: { newGuest?: boolean }): Promise<RequestOwner | null>;
}

/** Accounts need somewhere to keep users: a deployment without (serverless, no DATABASE_URL) has guests only. */
export class NoAccounts extends Error {
  override name = 'NoAccounts';
}

/** Whether the request carries a session cookie at all (valid or not): only then is the database asked who it is. */
export function hasSessionCookie(request: Pick<Request, 'headers'> | Headers): boolean {
  return getSessionCookie(request instanceof Headers ? request : request.headers, { cookiePrefix: SESSION_COOKIE_PREFIX }) !== null;
}

/** The process's guest cookies: they need only the secret, never the database. */
export function sharedGuestIdentity(): ReturnType<typeof createGuestIdentity> {
  return processSingleton('guest-identity', () => createGuestIdentity(serverSecret(rillConfig())));
}

export function createAccounts(auth: Auth, guests: ReturnType<typeof createGuestIdentity>): Accounts {
  return {
    auth,
    async ownerOf(request, { newGuest = false } = {}) {
      if (!hasSessionCookie(request)) {
        if (!newGuest) {
          const known = guests.guestOf(request);
          return known ? { kind: 'guest', ownerId: known } : null;
        }
        const guest = guests.ownerOf(request);
        return { kind: 'guest', ownerId: guest.id, setCookie: guest.setCookie };
      }
      const session = await auth.api.getSession({ headers: request.headers });
      if (!session) return { kind: 'signed-out' };
      const { id, name, email } = session.user;
      return { kind: 'user', ownerId: userOwnerId(id), user: { id, name, email } };
    },
  };
}

/**
 * The process's accounts, made on first use on the shared database. A failed attempt (the database
 * was down) is forgotten, so the next request tries again.
 */
export function sharedAccounts(): Promise<Accounts> {
  const shared = processSingleton('accounts', (): { opening?: Promise<Accounts> } => ({}));
  shared.opening ??= openAccounts(rillConfig()).catch((error: unknown) => {
    shared.opening = undefined;
    throw error;
  });
  return shared.opening;
}

async function openAccounts(config: RillConfig): Promise<Accounts> {
  if (!keepsHistory(config)) throw new NoAccounts();
  const [db, store] = await Promise.all([sharedDatabase(), conversationStore()]);
  const guests = sharedGuestIdentity();
  return createAccounts(createAuth({ db, secret: serverSecret(config), config: config.auth, store, guests }), guests);
}

/** Set-Cookie values that make the browser forget a session cookie that names no session. */
export function forgetSessionCookies(request: Request): string[] {
  const name = `${SESSION_COOKIE_PREFIX}.session_token`;
  return [`${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`, ...(isHttps(request) ? [`__Secure-${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`] : [])];
}

/** The account a page is rendered for, for the header; null for a guest, or when accounts cannot be reached. */
export async function signedInUser(headers: Headers): Promise<AccountUser | null> {
  if (!hasSessionCookie(headers)) return null;
  try {
    const session = await (await sharedAccounts()).auth.api.getSession({ headers });
    return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
  } catch {
    return null;
  }
}
