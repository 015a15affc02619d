import { after } from 'next/server';
import { roomCommandRoute } from '@/lib/collaborate/server/room-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

// The model calls a Run starts outlive this request: everyone in the room reads them through the events stream.
export const POST = roomCommandRoute({ runLater: after });

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
