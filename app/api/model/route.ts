import { publicModelInfo } from '@/lib/ai/public-model-info';
import { rillConfig } from '@/lib/config';
import { otherMethods } from '@/lib/server/other-methods';
import { voiceCapabilities } from '@/lib/voice/server/voice-capabilities';

export const dynamic = 'force-dynamic';

/**
 * Which model answers, for the header badge: mode and name only, never a key or a full URL; and which
 * voice features the provider has, found by asking it once in a while.
 */
export async function GET() {
  return Response.json({ ...publicModelInfo(rillConfig().model), voice: await voiceCapabilities() });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
