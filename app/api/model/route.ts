import { publicModelInfo } from '@/lib/ai/model-config';
import { serverModels } from '@/lib/ai/provider';

export const dynamic = 'force-dynamic';

/** Which model answers, for the header badge: mode and name only, never a key or a full URL. */
export function GET() {
  return Response.json(publicModelInfo(serverModels().config));
}
