import { rillConfig } from '@/lib/config';
import { appVersion } from '@/lib/observability/app-version';
import { checkHealth } from '@/lib/observability/health';
import { sharedRedis } from '@/lib/server/redis';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Liveness and what an operator checks first; never a key or a URL with credentials. */
export async function GET() {
  const config = rillConfig();
  const report = await checkHealth({ config: config.model, redis: sharedRedis(), pingTimeoutMs: config.redisTimeoutMs, uptimeSeconds: process.uptime(), ...appVersion(config) });
  return Response.json(report, { headers: { 'cache-control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
