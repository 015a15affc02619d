import { createRoomRoute } from '@/lib/collaborate/server/room-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = createRoomRoute();
