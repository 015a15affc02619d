import { arenaAnswerRoute } from '@/lib/arena/server/arena-answer';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = arenaAnswerRoute();

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
