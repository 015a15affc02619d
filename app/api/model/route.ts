import { publicModelInfo } from '@/lib/ai/public-model-info';
import { rillConfig } from '@/lib/config';
import { otherMethods } from '@/lib/server/other-methods';

export const dynamic = 'force-dynamic';

/** Which model answers, for the header badge: mode and name only, never a key or a full URL. */
export function GET() {
  return Response.json(publicModelInfo(rillConfig().model));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
