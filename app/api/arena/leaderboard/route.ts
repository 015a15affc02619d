import { leaderboardRoute } from '@/lib/arena/server/arena-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = leaderboardRoute();

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
