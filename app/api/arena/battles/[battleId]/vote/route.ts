import { voteRoute } from '@/lib/arena/server/arena-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = voteRoute();

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
