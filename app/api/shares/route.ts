import { createShareRoute, listSharesRoute } from '@/lib/share/server/share-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = createShareRoute();
export const GET = listSharesRoute();

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
