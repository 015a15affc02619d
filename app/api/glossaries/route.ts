import { otherMethods } from '@/lib/server/other-methods';
import { getGlossariesRoute, saveGlossariesRoute } from '@/lib/translate/server/glossary-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = getGlossariesRoute();
export const PUT = saveGlossariesRoute();

export const { POST, PATCH, DELETE } = otherMethods('GET', 'PUT');
