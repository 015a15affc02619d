import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { NoServerStore, ownerRequest } from '@/lib/accounts/server/owner-request';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { promptLibraryStore, type PromptLibraryStore } from '@/lib/db/prompt-library-store';
import { processSingleton } from '@/lib/process-singleton';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import type { ClientLimits } from '@/lib/server/rate-limit';
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

function defaultServices(): PromptServices {
  return processSingleton('prompt-services', () => {
    const config = rillConfig();
    return {
      library: keepsHistory(config) ? promptLibraryStore : () => Promise.reject(new NoServerStore(promptsBrowserOnlyMessage)),
      ownerOf: async (request, options) => (await sharedAccounts()).ownerOf(request, options),
      limits: pipelineServices().limits,
      maxSaved: config.prompts.maxSaved,
    };
  });
}

/** Whose prompts these are, as the browser needs to know: an account's are not handed to the next person on it. */
type OwnerShown = 'guest' | `user:${string}`;

/** What a prompt request runs on (see ownerRequest): only a save makes a guest, so a first visit's read does not race the chat's own request for the guest cookie. */
function promptsRequest(
  request: Request,
  services: PromptServices,
  { saves }: { saves: boolean },
  handle: (library: PromptLibraryStore, ownerId: string | undefined, owner: OwnerShown) => Promise<Response>,
): Promise<Response> {
  const forOwner = { store: services.library, ownerOf: services.ownerOf, limits: services.limits };
  return ownerRequest(request, forOwner, { expectsJson: saves, newGuest: saves, unavailable: promptsUnavailableMessage }, (library, owner, requester) =>
    handle(library, requester.ownerId, owner?.kind === 'user' ? `user:${owner.user.id}` : 'guest'),
  );
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
