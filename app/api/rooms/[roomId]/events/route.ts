import { roomEventsRoute } from '@/lib/collaborate/server/room-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const GET = roomEventsRoute();
