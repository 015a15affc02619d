import { usageSeries } from '@/lib/observability/usage';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The last hour of this server's traffic for the usage page: counts and latencies, no content. */
export function GET() {
  return Response.json(usageSeries().snapshot(), { headers: { 'cache-control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
