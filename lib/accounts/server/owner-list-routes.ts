import 'server-only';
import type { OwnerList, OwnerListStore } from '@/lib/db/owner-list-store';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import type { ClientLimits } from '@/lib/server/rate-limit';
import type { z } from '@/lib/zod';
import type { RequestOwner } from './accounts';
import { ownerRequest } from './owner-request';

/** One kind of list an owner keeps on the server (saved prompts, glossaries) and how its routes answer. */
export interface OwnerListRoute<Field extends string, Item> {
  field: Field;
  /** Rejects when the database cannot be reached (or, with NoServerStore, when this deployment has none). */
  store: () => Promise<OwnerListStore<Field, Item>>;
  /** The request's account, or its guest; `newGuest` makes one (with its cookie) for a first visit. */
  ownerOf: (request: Request, options: { newGuest: boolean }) => Promise<RequestOwner | null>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  /** What GET tells the browser besides the list: the limits a save must keep to. */
  shown: Record<string, number>;
  schema: z.ZodType<OwnerList<Field, Item>, unknown>;
  /** Room for the longest list the schema allows. */
  maxBytes: number;
  /** What the user is told when the database cannot be reached. */
  unavailable: string;
}

/** Whose list this is, as the browser needs to know: an account's is not handed to the next person on it. */
type OwnerShown = 'guest' | `user:${string}`;

/** Only a save makes a guest, so a first visit's read does not race the page's own request for the guest cookie. */
function listRequest<Field extends string, Item>(
  request: Request,
  route: OwnerListRoute<Field, Item>,
  { saves }: { saves: boolean },
  handle: (store: OwnerListStore<Field, Item>, ownerId: string | undefined, owner: OwnerShown) => Promise<Response>,
): Promise<Response> {
  const forOwner = { store: route.store, ownerOf: route.ownerOf, limits: route.limits };
  return ownerRequest(request, forOwner, { expectsJson: saves, newGuest: saves, unavailable: route.unavailable }, (store, owner, requester) =>
    handle(store, requester.ownerId, owner?.kind === 'user' ? `user:${owner.user.id}` : 'guest'),
  );
}

/** GET — this visitor's list (an empty one for a visitor who has none), whose it is, and the limits. */
export function getOwnerListRoute<Field extends string, Item>(route: () => OwnerListRoute<Field, Item>) {
  return async function GET(request: Request): Promise<Response> {
    const current = route();
    return listRequest(request, current, { saves: false }, async (store, ownerId, owner) => {
      const kept = ownerId ? await store.get(ownerId) : { [current.field]: [], updatedAt: 0 };
      return Response.json({ ...kept, owner, ...current.shown }, { headers: { 'cache-control': 'no-store' } });
    });
  };
}

/** PUT — saves the whole list `{ [field], updatedAt }`, unless the stored list is newer (another device saved since); either way the list kept is returned. */
export function saveOwnerListRoute<Field extends string, Item>(route: () => OwnerListRoute<Field, Item>) {
  return async function PUT(request: Request): Promise<Response> {
    const current = route();
    return listRequest(request, current, { saves: true }, async (store, ownerId, owner) => {
      const parsed = await parseJsonRequest(request, current.schema, { maxBytes: current.maxBytes });
      if (!parsed.ok) return parsed.response;
      if (!ownerId) return jsonError(503, current.unavailable, { code: 'unavailable', retryAfter: 5 });
      return Response.json({ ...(await store.save(ownerId, parsed.data)), owner });
    });
  };
}
