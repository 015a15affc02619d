import { rillConfig } from '@/lib/config';
import { bearerTokenMatches } from '@/lib/observability/bearer-token';
import { metricsRegistry } from '@/lib/observability/metrics';
import { jsonError } from '@/lib/server/json-response';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export async function GET(request: Request) {
  const token = rillConfig().metricsToken;
  if (token && !bearerTokenMatches(request.headers.get('authorization'), token)) {
    return jsonError(401, 'This endpoint needs the metrics bearer token.', { code: 'auth', headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  const { registry } = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
