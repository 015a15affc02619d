import { readShareRoute, revokeShareRoute } from '@/lib/share/server/share-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = readShareRoute();
export const DELETE = revokeShareRoute();

export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
