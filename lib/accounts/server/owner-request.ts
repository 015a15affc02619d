import 'server-only';
import { jsonError } from '@/lib/server/json-response';
import type { ClientLimits } from '@/lib/server/rate-limit';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { signedOutResponse, type Requester } from '@/lib/server/requester';
import type { RequestOwner } from './accounts';
import { requesterOf } from './identify-requester';

/** What a request answered for its owner runs on: its store, who the owner is, and the per-client budget. */
export interface OwnerServices<Store, Owner extends RequestOwner | null = RequestOwner | null> {
  /** Rejects when the database cannot be reached, or with NoServerStore when this deployment has none. */
  store: () => Promise<Store>;
  /** The request's account, or its guest (made now, with its cookie, for a first visit when `newGuest`). */
  ownerOf: (request: Request, options: { newGuest: boolean }) => Promise<Owner>;
  limits: Pick<ClientLimits, 'admitRequest'>;
}

/** A deployment with nowhere to keep what is asked for (serverless, no DATABASE_URL): said once, never retried. Its message is what the user is told. */
export class NoServerStore extends Error {
  override name = 'NoServerStore';
}

/**
 * Every request for what an owner keeps on the server (chats, files, share links, saved prompts) is
 * same-site, counts against its requester's budget, and is answered for its owner only: the signed-in
 * account, or the guest its cookie names. A session cookie that names no session is a 401, so the
 * page shows it is signed out. A database that cannot be reached is a 503 with `unavailable` as its
 * message, which the page turns into a notice: the browser's copy is kept.
 */
export async function ownerRequest<Store, Owner extends RequestOwner | null>(
  request: Request,
  services: OwnerServices<Store, Owner>,
  { expectsJson, newGuest = true, unavailable }: { expectsJson: boolean; newGuest?: boolean; unavailable: string },
  handle: (store: Store, owner: Exclude<Owner, { kind: 'signed-out' }>, requester: Requester) => Promise<Response>,
): Promise<Response> {
  const refused = refusedBeforeBudget(request, { expectsJson });
  if (refused) return refused;
  let owner: Owner | undefined;
  let response: Response;
  try {
    const store = await services.store();
    owner = await services.ownerOf(request, { newGuest });
    const requester = requesterOf(owner, request);
    if (requester.signedOut) return signedOutResponse(requester.signedOut);
    const overBudget = await services.limits.admitRequest(requester.limitKey);
    if (overBudget) return jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter });
    response = await handle(store, owner as Exclude<Owner, { kind: 'signed-out' }>, requester);
  } catch (error) {
    if (error instanceof NoServerStore) response = jsonError(503, error.message, { code: 'unavailable' });
    else {
      console.error(`Server storage is unavailable (${request.method} ${new URL(request.url).pathname}):`, error instanceof Error ? error.message : String(error));
      response = jsonError(503, unavailable, { code: 'unavailable', retryAfter: 5 });
    }
  }
  if (owner?.kind === 'guest' && owner.setCookie) response.headers.append('set-cookie', owner.setCookie);
  return response;
}
