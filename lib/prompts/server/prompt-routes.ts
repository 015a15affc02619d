import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { getOwnerListRoute, saveOwnerListRoute, type OwnerListRoute } from '@/lib/accounts/server/owner-list-routes';
import { NoServerStore } from '@/lib/accounts/server/owner-request';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { promptLibraryStore, type PromptLibrary, type PromptLibraryStore } from '@/lib/db/prompt-library-store';
import { processSingleton } from '@/lib/process-singleton';
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

function promptListRoute(services: PromptServices): OwnerListRoute<'prompts', PromptLibrary['prompts'][number]> {
  return {
    field: 'prompts',
    store: services.library,
    ownerOf: services.ownerOf,
    limits: services.limits,
    shown: { maxSaved: services.maxSaved },
    schema: promptLibrarySchema(services.maxSaved),
    // Room for the longest list of the longest prompts, each character up to 3 bytes of UTF-8.
    maxBytes: services.maxSaved * (MAX_PROMPT_NAME_CHARS + MAX_PROMPT_TEXT_CHARS + 300) * 3,
    unavailable: promptsUnavailableMessage,
  };
}

/** GET /api/prompts — this visitor's saved prompts (an empty list for one who has none), whose they are, and how many may be kept. */
export function getPromptsRoute(services: () => PromptServices = defaultServices) {
  return getOwnerListRoute(() => promptListRoute(services()));
}

/**
 * PUT /api/prompts — saves the whole list `{ prompts, updatedAt }`, unless the stored list is newer
 * (another device saved since); either way the list kept is returned.
 */
export function savePromptsRoute(services: () => PromptServices = defaultServices) {
  return saveOwnerListRoute(() => promptListRoute(services()));
}
