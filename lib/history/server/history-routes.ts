import 'server-only';
import { rillConfig } from '@/lib/config';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { NoServerStore, ownerRequest } from '@/lib/accounts/server/owner-request';
import { conversationStore, type ConversationStore } from '@/lib/db/conversation-store';
import { keepsHistory } from '@/lib/db/database';
import { processSingleton } from '@/lib/process-singleton';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import type { ClientLimits } from '@/lib/server/rate-limit';
import { conversationSchema } from '@/lib/chat/conversation-schema';
import { conversationsToJson } from '@/lib/chat/conversation-file';
import { z } from '@/lib/zod';

/** What the history routes run on: where conversations are kept, who owns a request, and the per-client budget. */
export interface HistoryServices {
  /** Rejects when the database cannot be reached. */
  store: () => Promise<ConversationStore>;
  /** The request's account, or its guest (made now for a first visit). */
  ownerOf: (request: Request) => Promise<RequestOwner>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  maxConversationBytes: number;
}

export const historyUnavailableMessage = 'Your chats could not be reached on the server just now. They are kept in this browser, and saved to the server once it is back.';
export const browserOnlyMessage = 'This deployment keeps your chats in this browser only: clearing its data deletes them. Export them to keep a copy.';

function defaultServices(): HistoryServices {
  return processSingleton('history-services', () => {
    const config = rillConfig();
    const browserOnly = !keepsHistory(config);
    return {
      store: browserOnly ? () => Promise.reject(new NoServerStore(browserOnlyMessage)) : conversationStore,
      ownerOf: async (request) => (await (await sharedAccounts()).ownerOf(request, { newGuest: true }))!,
      limits: pipelineServices().limits,
      maxConversationBytes: config.chat.maxConversationBytes,
    };
  });
}

type ConversationParams = { params: Promise<{ conversationId: string }> };

/** Epoch milliseconds (`since`, `basedOn`), as the conversations' updatedAt are: digits only, so `1e3`, `-1` and `` are refused rather than read as numbers. */
const timeSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER))
  .optional();

/**
 * GET /api/conversations[?since=<epoch ms>] — this visitor's conversations, most recent first (only
 * those updated after `since`, when given: a device polling for changes), and the ids of all of them,
 * by which a device learns which of its conversations another device deleted.
 */
export function listConversationsRoute(services: () => HistoryServices = defaultServices) {
  return async function GET(request: Request): Promise<Response> {
    return ownerRequest(request, services(), { expectsJson: false, unavailable: historyUnavailableMessage }, async (store, owner) => {
      const { ownerId } = owner;
      const since = timeSchema.safeParse(new URL(request.url).searchParams.get('since') ?? undefined);
      if (!since.success) return jsonError(400, '`since` must be a time in milliseconds since the epoch: a whole number, 0 or more.');
      const [conversations, ids] = await Promise.all([store.list(ownerId, { since: since.data }), store.ids(ownerId)]);
      return Response.json({ conversations, ids, owner: ownerShown(owner) }, { headers: { 'cache-control': 'no-store' } });
    });
  };
}

/**
 * PUT /api/conversations/:id[?basedOn=<updatedAt>] — saves the conversation, merged message by
 * message with the stored copy (`basedOn`: the stored version the device last had, so a message it
 * never saw is not taken for one it deleted); the merged copy is returned.
 */
export function saveConversationRoute(services: () => HistoryServices = defaultServices) {
  return async function PUT(request: Request, { params }: ConversationParams): Promise<Response> {
    const { conversationId } = await params;
    const current = services();
    return ownerRequest(request, current, { expectsJson: true, unavailable: historyUnavailableMessage }, async (store, { ownerId }) => {
      const parsed = await parseJsonRequest(request, conversationSchema, { maxBytes: current.maxConversationBytes });
      if (!parsed.ok) return parsed.response;
      if (parsed.data.id !== conversationId) return jsonError(400, 'The conversation in the body is not the one in the address.');
      const basedOn = timeSchema.safeParse(new URL(request.url).searchParams.get('basedOn') ?? undefined);
      if (!basedOn.success) return jsonError(400, '`basedOn` must be a time in milliseconds since the epoch: a whole number, 0 or more.');
      return Response.json({ conversation: await store.save(ownerId, withoutNulCharacters(parsed.data), { basedOn: basedOn.data }) });
    });
  };
}

/** DELETE /api/conversations/:id — gone from the server for real, messages and all. */
export function deleteConversationRoute(services: () => HistoryServices = defaultServices) {
  return async function DELETE(request: Request, { params }: ConversationParams): Promise<Response> {
    const { conversationId } = await params;
    return ownerRequest(request, services(), { expectsJson: false, unavailable: historyUnavailableMessage }, async (store, { ownerId }) => {
      await store.remove(ownerId, conversationId);
      return new Response(null, { status: 204 });
    });
  };
}

/**
 * Whose chats these are, as the browser needs to know: the chats it keeps of one account must not
 * be handed to the next person who signs in on it. Ids only; the guest's is not its cookie.
 */
function ownerShown(owner: Exclude<RequestOwner, { kind: 'signed-out' }>): { kind: 'guest' } | { kind: 'user'; id: string } {
  return owner.kind === 'user' ? { kind: 'user', id: owner.user.id } : { kind: 'guest' };
}

/** PostgreSQL keeps no U+0000 in text or JSON; a model can emit one, and it means nothing to a reader. */
function withoutNulCharacters<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNulCharacters) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withoutNulCharacters(field)])) as T;
  return value;
}

/** GET /api/account/export — every conversation of this visitor, in the file "Import" reads back. */
export function exportConversationsRoute(services: () => HistoryServices = defaultServices) {
  return async function GET(request: Request): Promise<Response> {
    return ownerRequest(request, services(), { expectsJson: false, unavailable: historyUnavailableMessage }, async (store, { ownerId }) => {
      const day = new Date().toISOString().slice(0, 10);
      return new Response(conversationsToJson(await store.list(ownerId)), {
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="rill-conversations-${day}.json"`, 'cache-control': 'no-store' },
      });
    });
  };
}
