import { usageSeries } from '@/lib/observability/usage';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The last hour of this server's traffic for the usage page: counts and latencies, no content. */
export function GET() {
  return Response.json(usageSeries().snapshot(), { headers: { 'cache-control': 'no-store' } });
}
