import 'server-only';
import { sharedAccounts } from '@/lib/accounts/server/accounts';
import { getOwnerListRoute, saveOwnerListRoute, type OwnerListRoute } from '@/lib/accounts/server/owner-list-routes';
import { NoServerStore } from '@/lib/accounts/server/owner-request';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { glossaryListStore } from '@/lib/db/glossary-list-store';
import { processSingleton } from '@/lib/process-singleton';
import { pipelineServices } from '@/lib/server/pipeline-services';
import { MAX_GLOSSARY_NAME_CHARS, MAX_GLOSSARY_TERM_CHARS, type Glossary } from '../glossary';
import { glossaryListSchema } from '../glossary-schema';

export const glossariesUnavailableMessage = 'Your glossaries could not be reached on the server just now. They are kept in this browser, and saved to the server once it is back.';
export const glossariesBrowserOnlyMessage = 'This deployment keeps your glossaries in this browser only. Export them to keep a copy.';

export type GlossaryRoute = OwnerListRoute<'glossaries', Glossary>;

function defaultRoute(): GlossaryRoute {
  return processSingleton('glossary-route', () => {
    const config = rillConfig();
    const { maxGlossaries, maxTerms } = config.glossaries;
    return {
      field: 'glossaries',
      // The table types languages as text (lib/db knows no feature); what it holds passed glossaryListSchema.
      store: keepsHistory(config) ? (glossaryListStore as GlossaryRoute['store']) : () => Promise.reject(new NoServerStore(glossariesBrowserOnlyMessage)),
      ownerOf: async (request, options) => (await sharedAccounts()).ownerOf(request, options),
      limits: pipelineServices().limits,
      shown: { maxGlossaries, maxTerms },
      schema: glossaryListSchema({ maxGlossaries, maxTerms }),
      // The longest list of the fullest glossaries, each character up to 3 bytes of UTF-8 once JSON-escaped.
      maxBytes: maxGlossaries * (MAX_GLOSSARY_NAME_CHARS + 300 + maxTerms * (2 * MAX_GLOSSARY_TERM_CHARS + 40)) * 3,
      unavailable: glossariesUnavailableMessage,
    };
  });
}

/** GET /api/glossaries — this visitor's glossaries, whose they are, and how many (of how many terms) may be kept. */
export const getGlossariesRoute = (route: () => GlossaryRoute = defaultRoute) => getOwnerListRoute(route);

/** PUT /api/glossaries — saves the whole list `{ glossaries, updatedAt }`, unless the stored one is newer. */
export const saveGlossariesRoute = (route: () => GlossaryRoute = defaultRoute) => saveOwnerListRoute(route);
