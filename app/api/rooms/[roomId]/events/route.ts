import { roomEventsRoute } from '@/lib/collaborate/server/room-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const GET = roomEventsRoute();

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
