import type { ModelConfig, ModelMode } from '@/lib/config';
import { publicModelInfo } from '@/lib/ai/public-model-info';

export interface HealthReport {
  /** 'degraded' when a configured dependency (Redis) does not answer; the server itself is up. */
  status: 'ok' | 'degraded';
  version: string;
  commit?: string;
  uptimeSeconds: number;
  model: { mode: ModelMode; model: string; label: string };
  redis: { configured: boolean; reachable: boolean | null; latencyMs?: number; error?: string };
}

export interface HealthInputs {
  config: ModelConfig;
  /** The shared Redis connection, or null when REDIS_URL is unset. */
  redis: { ping(): Promise<unknown> } | null;
  version: string;
  commit?: string;
  uptimeSeconds: number;
  pingTimeoutMs?: number;
}

/**
 * What an operator asks first: is it up, which model answers, is Redis there. Built from the public
 * model info, so a key or a base URL's credentials cannot end up in the report.
 */
export async function checkHealth({ config, redis, version, commit, uptimeSeconds, pingTimeoutMs = 500 }: HealthInputs): Promise<HealthReport> {
  const redisReport = redis ? await pingRedis(redis, pingTimeoutMs) : { configured: false, reachable: null };
  return {
    status: redisReport.reachable === false ? 'degraded' : 'ok',
    version,
    ...(commit ? { commit } : {}),
    uptimeSeconds: Math.round(uptimeSeconds),
    model: publicModelInfo(config),
    redis: redisReport,
  };
}

async function pingRedis(redis: { ping(): Promise<unknown> }, timeoutMs: number): Promise<HealthReport['redis']> {
  const startedAt = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([redis.ping(), timeout]);
    return { configured: true, reachable: true, latencyMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  } catch (error) {
    // Error messages from ioredis name host and port, never the password; keep only the message.
    return { configured: true, reachable: false, error: error instanceof Error ? error.message : 'ping failed' };
  } finally {
    clearTimeout(timer);
  }
}
