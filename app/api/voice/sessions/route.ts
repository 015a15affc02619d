import { otherMethods } from '@/lib/server/other-methods';
import { voiceSessionRoute } from '@/lib/voice/server/voice-session-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = voiceSessionRoute();

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
