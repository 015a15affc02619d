import { createRoomRoute } from '@/lib/collaborate/server/room-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = createRoomRoute();

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
