import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { requesterOf } from '@/lib/accounts/server/identify-requester';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { promptLibraryStore, type PromptLibraryStore } from '@/lib/db/prompt-library-store';
import { processSingleton } from '@/lib/process-singleton';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import type { ClientLimits } from '@/lib/server/rate-limit';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { signedOutResponse } from '@/lib/server/requester';
import { promptLibrarySchema } from '@/lib/prompts/prompt-schema';
import { MAX_PROMPT_NAME_CHARS, MAX_PROMPT_TEXT_CHARS } from '@/lib/prompts/saved-prompt';

/** What the prompt routes run on: where the lists are kept, who owns a request, and the per-client budget. */
export interface PromptServices {
  /** Rejects when the database cannot be reached (or this deployment has none). */
  library: () => Promise<PromptLibraryStore>;
  /** The request's account, or its guest; `newGuest` makes one (with its cookie) for a first visit. */
  ownerOf: (request: Request, options: { newGuest: boolean }) => Promise<RequestOwner | null>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  maxSaved: number;
}

export const promptsUnavailableMessage = 'Your saved prompts could not be reached on the server just now. They are kept in this browser, and saved to the server once it is back.';
export const promptsBrowserOnlyMessage = 'This deployment keeps your saved prompts in this browser only. Export them to keep a copy.';

class NoServerPrompts extends Error {
  override name = 'NoServerPrompts';
}

function defaultServices(): PromptServices {
  return processSingleton('prompt-services', () => {
    const config = rillConfig();
    return {
      library: keepsHistory(config) ? promptLibraryStore : () => Promise.reject(new NoServerPrompts()),
      ownerOf: async (request, options) => (await sharedAccounts()).ownerOf(request, options),
      limits: pipelineServices().limits,
      maxSaved: config.prompts.maxSaved,
    };
  });
}

/** Whose prompts these are, as the browser needs to know: an account's are not handed to the next person on it. */
type OwnerShown = 'guest' | `user:${string}`;

/**
 * Every prompt request is same-site, counts against its requester's budget and is answered for its
 * owner only, as the conversation routes are; a session that ended is a 401, a database that cannot
 * be reached a 503 (the browser keeps its copy).
 */
async function promptsRequest(
  request: Request,
  services: PromptServices,
  { saves }: { saves: boolean },
  handle: (library: PromptLibraryStore, ownerId: string | undefined, owner: OwnerShown) => Promise<Response>,
): Promise<Response> {
  const refused = refusedBeforeBudget(request, { expectsJson: saves });
  if (refused) return refused;
  let owner: RequestOwner | null = null;
  let response: Response;
  try {
    const library = await services.library();
    // Only a save makes a guest: a first visit's read must not race the chat's own for the guest cookie.
    owner = await services.ownerOf(request, { newGuest: saves });
    const requester = requesterOf(owner, request);
    if (requester.signedOut) return signedOutResponse(requester.signedOut);
    const overBudget = await services.limits.admitRequest(requester.limitKey);
    if (overBudget) return jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter });
    response = await handle(library, requester.ownerId, owner?.kind === 'user' ? `user:${owner.user.id}` : 'guest');
  } catch (error) {
    if (error instanceof NoServerPrompts) response = jsonError(503, promptsBrowserOnlyMessage, { code: 'unavailable' });
    else {
      console.error('Saved prompts are unavailable:', error instanceof Error ? error.message : String(error));
      response = jsonError(503, promptsUnavailableMessage, { code: 'unavailable', retryAfter: 5 });
    }
  }
  if (owner?.kind === 'guest' && owner.setCookie) response.headers.append('set-cookie', owner.setCookie);
  return response;
}

/** GET /api/prompts — this visitor's saved prompts (an empty list for one who has none), whose they are, and how many may be kept. */
export function getPromptsRoute(services: () => PromptServices = defaultServices) {
  return async function GET(request: Request): Promise<Response> {
    const current = services();
    return promptsRequest(request, current, { saves: false }, async (library, ownerId, owner) => {
      const kept = ownerId ? await library.get(ownerId) : { prompts: [], updatedAt: 0 };
      return Response.json({ ...kept, owner, maxSaved: current.maxSaved }, { headers: { 'cache-control': 'no-store' } });
    });
  };
}

/**
 * PUT /api/prompts — saves the whole list `{ prompts, updatedAt }`, unless the stored list is newer
 * (another device saved since); either way the list kept is returned.
 */
export function savePromptsRoute(services: () => PromptServices = defaultServices) {
  return async function PUT(request: Request): Promise<Response> {
    const current = services();
    return promptsRequest(request, current, { saves: true }, async (library, ownerId, owner) => {
      // Room for the longest list of the longest prompts, each character up to 3 bytes of UTF-8.
      const maxBytes = current.maxSaved * (MAX_PROMPT_NAME_CHARS + MAX_PROMPT_TEXT_CHARS + 300) * 3;
      const parsed = await parseJsonRequest(request, promptLibrarySchema(current.maxSaved), { maxBytes });
      if (!parsed.ok) return parsed.response;
      if (!ownerId) return jsonError(503, promptsUnavailableMessage, { code: 'unavailable', retryAfter: 5 });
      return Response.json({ ...(await library.save(ownerId, parsed.data)), owner });
    });
  };
}
