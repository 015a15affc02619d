import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { NoServerStore, ownerRequest } from '@/lib/accounts/server/owner-request';
import { rillConfig, type ShareConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { shareStore, type ShareStore } from '@/lib/db/share-store';
import { processSingleton } from '@/lib/process-singleton';
import { clientOf } from '@/lib/server/client-identity';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import { createClientBudget, type ClientBudget, type ClientLimits } from '@/lib/server/rate-limit';
import { sharedRedis } from '@/lib/server/redis';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { shareClosedMessages } from '../share-link';
import { createShareSchema } from '../share-request';
import { snapshotOf } from '../snapshot';

/** What the share routes run on: where links are kept, who owns a request, and the per-client budgets. */
export interface ShareServices {
  /** Rejects when the database cannot be reached, or there is none (NoServerStore). */
  shares: () => Promise<ShareStore>;
  /** The request's account, or its guest (made now for a first visit with `newGuest`); null: nobody's. */
  ownerOf: (request: Request, options: { newGuest: boolean }) => Promise<RequestOwner | null>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  /** Links each client may create per hour. */
  creates: ClientBudget;
  config: ShareConfig;
  /**
   * The largest conversation the server keeps: a request may carry that much (other versions of
   * its messages included, which the snapshot leaves out) before the snapshot itself is measured.
   */
  maxConversationBytes: number;
}

export const sharesUnavailableMessage = 'Share links could not be reached on the server just now. Try again in a moment.';
export const noServerSharesMessage = 'This deployment keeps nothing on the server, so conversations cannot be shared by link. Export them instead.';

const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultShareServices(): ShareServices {
  return processSingleton('share-services', () => {
    const config = rillConfig();
    return {
      shares: keepsHistory(config) ? shareStore : () => Promise.reject(new NoServerStore(noServerSharesMessage)),
      ownerOf: async (request, options) => (await sharedAccounts()).ownerOf(request, options),
      limits: pipelineServices().limits,
      creates: createClientBudget(sharedRedis(), 'share-creates', config.shares.createsPerHour, 60 * 60),
      config: config.shares,
      maxConversationBytes: config.chat.maxConversationBytes,
    };
  });
}

/** The share services as a request for an owner's links runs on them (see ownerRequest). */
const forOwner = (services: ShareServices) => ({ store: services.shares, ownerOf: services.ownerOf, limits: services.limits });

/**
 * POST /api/shares — a new link to a snapshot of the conversation sent (as it is on screen). The
 * snapshot holds its settings only when `includeSettings` says so; it may be only so large, and
 * each client may make only so many links an hour.
 */
export function createShareRoute(services: () => ShareServices = defaultShareServices) {
  return async function POST(request: Request): Promise<Response> {
    const current = services();
    const { maxBytes, createsPerHour } = current.config;
    return ownerRequest(request, forOwner(current), { expectsJson: true, unavailable: sharesUnavailableMessage }, async (shares, owner, { limitKey }) => {
      if (!owner) return jsonError(401, 'Rill could not tell whose link this would be. Reload the page and try again.', { code: 'auth' });
      const parsed = await parseJsonRequest(request, createShareSchema, { maxBytes: Math.max(maxBytes, current.maxConversationBytes) + 1024 });
      if (!parsed.ok) return parsed.response;
      const { conversation, includeSettings, expiresInDays } = parsed.data;
      const snapshot = snapshotOf(conversation, { includeSettings });
      const size = Buffer.byteLength(JSON.stringify(snapshot));
      if (size > maxBytes) {
        return jsonError(413, `This conversation is too long to share: ${megabytes(size)} MB, and a link holds at most ${megabytes(maxBytes)} MB. Export it instead.`);
      }
      const over = await current.creates.spend(limitKey);
      if (over) {
        const minutes = Math.ceil(over.retryAfter / 60);
        return jsonError(429, `You have created ${createsPerHour} share links in the last hour, as many as one person may. Try again in ${minutes} min, or copy a link you have.`, {
          code: 'rate_limited',
          retryAfter: over.retryAfter,
        });
      }
      const now = Date.now();
      const link = await shares.create(owner.ownerId, snapshot, { expiresAt: expiresInDays === undefined ? null : now + expiresInDays * DAY_MS, now });
      return Response.json({ link }, { status: 201 });
    });
  };
}

/** GET /api/shares?conversationId=… — the requester's links to that conversation that still open. */
export function listSharesRoute(services: () => ShareServices = defaultShareServices) {
  return async function GET(request: Request): Promise<Response> {
    return ownerRequest(request, forOwner(services()), { expectsJson: false, newGuest: false, unavailable: sharesUnavailableMessage }, async (shares, owner) => {
      const conversationId = new URL(request.url).searchParams.get('conversationId');
      if (!conversationId) return jsonError(400, 'Say which conversation: ?conversationId=…');
      const links = owner ? await shares.listLive(owner.ownerId, conversationId) : [];
      return Response.json({ links }, { headers: { 'cache-control': 'no-store' } });
    });
  };
}

type ShareParams = { params: Promise<{ shareId: string }> };

const notYourLink = 'There is no such link among yours: it may have been revoked already, or be someone else’s.';

/** DELETE /api/shares/:id — revokes the link: it says so from now on, and its snapshot is gone. Only its owner may. */
export function revokeShareRoute(services: () => ShareServices = defaultShareServices) {
  return async function DELETE(request: Request, { params }: ShareParams): Promise<Response> {
    const { shareId } = await params;
    return ownerRequest(request, forOwner(services()), { expectsJson: false, newGuest: false, unavailable: sharesUnavailableMessage }, async (shares, owner) => {
      const revoked = owner ? await shares.revoke(owner.ownerId, shareId) : false;
      return revoked ? new Response(null, { status: 204 }) : jsonError(404, notYourLink, { code: 'bad_request' });
    });
  };
}

/**
 * GET /api/shares/:id — what the link shows, as JSON ("Continue in my chats" copies it). Anyone with
 * the link may read it; a revoked or expired link is a 410 that says which.
 */
export function readShareRoute(services: () => ShareServices = defaultShareServices) {
  return async function GET(request: Request, { params }: ShareParams): Promise<Response> {
    const { shareId } = await params;
    const refused = refusedBeforeBudget(request, { expectsJson: false });
    if (refused) return refused;
    const current = services();
    const overBudget = await current.limits.admitRequest(clientOf(request));
    if (overBudget) return jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter });
    const read = await readShare(shareId, current);
    const headers = { 'cache-control': 'no-store' };
    if (read.status === 'ok') return Response.json({ share: read.share }, { headers });
    if (read.status === 'missing') return jsonError(404, 'There is no shared conversation at this link.', { code: 'bad_request', headers });
    if (read.status === 'unavailable') return jsonError(503, read.message, { code: 'unavailable', headers });
    return jsonError(410, shareClosedMessages[read.status], { code: 'bad_request', headers });
  };
}

export type ShareReadOrUnavailable = Awaited<ReturnType<ShareStore['read']>> | { status: 'unavailable'; message: string };

/** What a link shows, for its page and its JSON alike; a database that does not answer is said so. */
export async function readShare(shareId: string, services: ShareServices = defaultShareServices()): Promise<ShareReadOrUnavailable> {
  try {
    return await (await services.shares()).read(shareId);
  } catch (error) {
    if (error instanceof NoServerStore) return { status: 'missing' };
    console.error('Shares are unavailable:', error instanceof Error ? error.message : String(error));
    return { status: 'unavailable', message: sharesUnavailableMessage };
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
