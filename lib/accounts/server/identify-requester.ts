import 'server-only';
import { clientOf } from '@/lib/server/client-identity';
import { requesterByAddress, signedInLimitKey, type Requester } from '@/lib/server/requester';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { forgetSessionCookies, hasSessionCookie, sharedAccounts, sharedGuestIdentity, type RequestOwner } from './accounts';

/** The requester an owner is: a user has budgets of their own; a guest is counted by address, since guest ids cost nothing to make. */
export function requesterOf(owner: RequestOwner | null, request: Request): Requester {
  if (owner?.kind === 'user') return { limitKey: signedInLimitKey(owner.user.id), ownerId: owner.ownerId };
  if (owner?.kind === 'signed-out') return { limitKey: clientOf(request), signedOut: { forgetCookies: forgetSessionCookies(request) } };
  return { limitKey: clientOf(request), ownerId: owner?.ownerId };
}

/**
 * Who an answer request is from. A guest is read from their cookie alone; only a session cookie asks
 * the database. Without accounts (no database, or it is down) everyone is counted by address and
 * nothing is saved for them: the answer itself must not wait on the database.
 */
export async function identifyRequester(request: Request): Promise<Requester> {
  try {
    if (!hasSessionCookie(request)) {
      const guest = keepsHistory(rillConfig()) ? sharedGuestIdentity().guestOf(request) : null;
      return requesterOf(guest ? { kind: 'guest', ownerId: guest } : null, request);
    }
    return requesterOf(await (await sharedAccounts()).ownerOf(request), request);
  } catch {
    return requesterByAddress(request);
  }
}
