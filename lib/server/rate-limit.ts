import 'server-only';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PipelineConfig } from '@/lib/config';

export type LimitReason = 'requests' | 'concurrency' | 'quota';

export interface LimitRejection {
  reason: LimitReason;
  /** Whole seconds until trying again can succeed. */
  retryAfter: number;
  message: string;
}

export interface ClientLimits {
  /** Counts one request against the client's budget for the window; a rejection when it is spent. */
  admitRequest(client: string): Promise<LimitRejection | null>;
  /** Takes one of the client's concurrent-stream slots (release it when the answer ends), after checking the daily quota. */
  admitStream(client: string): Promise<{ release: () => void } | LimitRejection>;
  /** Counts an answer's tokens against the client's daily quota. */
  recordTokens(client: string, tokens: number): Promise<void>;
}

type Limits = Pick<PipelineConfig, 'rateLimitRequests' | 'rateLimitWindowSeconds' | 'maxConcurrentStreams' | 'dailyTokenQuota'>;

// A stream never lives this long (routes cap at 300 s); it only bounds a slot that was never released.
const STREAM_SLOT_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * Per-client limits on rate-limiter-flexible: in memory, or in Redis (shared by every instance) when a
 * connection is given. A Redis outage falls back to a per-process limiter instead of failing requests.
 */
export function createClientLimits(limits: Limits, redis: Redis | null): ClientLimits {
  const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract | null => {
    if (points <= 0) return null;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `rill:${keyPrefix}`, points, duration, insuranceLimiter: memory }) : memory;
  };
  const requests = limiter('requests', limits.rateLimitRequests, limits.rateLimitWindowSeconds);
  const streams = limiter('streams', limits.maxConcurrentStreams, STREAM_SLOT_SECONDS);
  const tokens = limiter('tokens', limits.dailyTokenQuota, DAY_SECONDS);

  return {
    async admitRequest(client) {
      if (!requests) return null;
      const waitMs = await overLimit(requests.consume(client));
      if (waitMs === undefined) return null;
      return { reason: 'requests', retryAfter: seconds(waitMs), message: `Too many requests: at most ${limits.rateLimitRequests} per ${limits.rateLimitWindowSeconds} s. Try again in ${seconds(waitMs)} s.` };
    },

    async admitStream(client) {
      if (tokens) {
        const used = await tokens.get(client).catch(() => null);
        if (used && used.consumedPoints >= limits.dailyTokenQuota) {
          return { reason: 'quota', retryAfter: seconds(used.msBeforeNext), message: `Today's token quota of ${limits.dailyTokenQuota.toLocaleString('en')} is used up.` };
        }
      }
      if (!streams) return { release: () => undefined };
      if ((await overLimit(streams.consume(client))) !== undefined) {
        // A refused consume still counted its point; give it back, or every refusal would cost the client a slot for good.
        await streams.reward(client).catch(() => undefined);
        // The slot frees when one of the client's own answers ends, which cannot be foreseen: ask for a short wait.
        return { reason: 'concurrency', retryAfter: 2, message: `Too many answers at once: at most ${limits.maxConcurrentStreams} may stream together. Wait for one to finish.` };
      }
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          streams.reward(client).catch(() => undefined);
        },
      };
    },

    async recordTokens(client, count) {
      if (!tokens || count <= 0) return;
      await tokens.penalty(client, count).catch(() => undefined);
    },
  };
}

/**
 * Milliseconds to wait when the limiter refused (it rejects with a RateLimiterRes), else undefined.
 * Any other failure is the store's: a broken limiter must not lock every user out, so it admits.
 */
async function overLimit(consumed: Promise<RateLimiterRes>): Promise<number | undefined> {
  try {
    await consumed;
    return undefined;
  } catch (error) {
    return error instanceof RateLimiterRes ? error.msBeforeNext : undefined;
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
