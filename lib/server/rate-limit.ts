import 'server-only';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PipelineConfig } from '@/lib/config';
import { SIGNED_IN_LIMIT_PREFIX } from './requester';

export type LimitReason = 'requests' | 'concurrency' | 'quota' | 'rooms';

export interface LimitRejection {
  reason: LimitReason;
  /** Whole seconds until trying again can succeed. */
  retryAfter: number;
  message: string;
}

/**
 * A client's admission to stream one answer: a concurrent-stream slot, and tokens reserved against its
 * daily quota (one answer's cap) so that answers streaming at once cannot together overrun the quota.
 */
export interface StreamAdmission {
  /** Frees the stream slot, when the client's answer ends. */
  release(): void;
  /** Replaces the reservation with what the answer cost (0 for a cached or shared answer). Only the first call counts. */
  settle(tokens: number): Promise<void>;
}

export interface ClientLimits {
  /** Counts one request against the client's budget for the window; a rejection when it is spent. */
  admitRequest(client: string): Promise<LimitRejection | null>;
  /** Admits one more answer of the client's, unless its daily quota is used up or it streams as many as it may. */
  admitStream(client: string): Promise<StreamAdmission | LimitRejection>;
}

/** A per-client count of some action in a window, refusing past its points. */
export interface ClientBudget {
  spend(client: string): Promise<{ retryAfter: number } | null>;
}

type Limits = Pick<PipelineConfig, 'rateLimitRequests' | 'rateLimitWindowSeconds' | 'maxConcurrentStreams' | 'dailyTokenQuota' | 'maxOutputTokens'>;

// A stream never lives this long (routes cap at 300 s); it only bounds a slot that was never released.
const STREAM_SLOT_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * A rate-limiter-flexible limiter: in memory, or in Redis (shared by every instance) when a connection
 * is given, falling back to a per-process limiter while Redis fails. Null when `points` is 0 (unlimited).
 */
function clientLimiter(redis: Redis | null, keyPrefix: string, points: number, duration: number): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `rill:${keyPrefix}`, points, duration, insuranceLimiter: memory }) : memory;
}

/** `points` actions per client per `windowSeconds`; `points` 0 is unlimited. */
export function createClientBudget(redis: Redis | null, name: string, points: number, windowSeconds: number): ClientBudget {
  const limiter = clientLimiter(redis, name, points, windowSeconds);
  return {
    async spend(client) {
      const waitMs = limiter ? await overLimit(limiter.consume(client)) : undefined;
      return waitMs === undefined ? null : { retryAfter: seconds(waitMs) };
    },
  };
}

/**
 * The limits of guests (keyed by address) and, for keys that name a signed-in user, the budgets the
 * operator gave accounts (`signedIn`, each the guests' unless set).
 */
export function createClientLimits(limits: Limits & Partial<Pick<PipelineConfig, 'signedIn'>>, redis: Redis | null): ClientLimits {
  const guests = createLimitsOfOneKind(limits, redis);
  const users = createLimitsOfOneKind({ ...limits, ...limits.signedIn }, redis);
  const of = (client: string) => (client.startsWith(SIGNED_IN_LIMIT_PREFIX) ? users : guests);
  return {
    admitRequest: (client) => of(client).admitRequest(client),
    admitStream: (client) => of(client).admitStream(client),
  };
}

/**
 * Per-client limits: a request budget per window, concurrent streams, and a daily token quota. An
 * answer reserves its cap (`maxOutputTokens`) when admitted and settles to what it cost when it ends,
 * so a burst of requests is admitted only while the quota has room, and overruns it by at most one answer.
 */
function createLimitsOfOneKind(limits: Limits, redis: Redis | null): ClientLimits {
  const requests = createClientBudget(redis, 'requests', limits.rateLimitRequests, limits.rateLimitWindowSeconds);
  const streams = clientLimiter(redis, 'streams', limits.maxConcurrentStreams, STREAM_SLOT_SECONDS);
  const tokens = clientLimiter(redis, 'tokens', limits.dailyTokenQuota, DAY_SECONDS);
  const reservation = limits.maxOutputTokens;

  const takeSlot = async (client: string): Promise<(() => void) | null> => {
    if (!streams) return () => undefined;
    if ((await overLimit(streams.consume(client))) !== undefined) {
      // A refused consume still counted its point; give it back, or every refusal would cost the client a slot for good.
      await streams.reward(client).catch(() => undefined);
      return null;
    }
    return once(() => void streams.reward(client).catch(() => undefined));
  };

  return {
    async admitRequest(client) {
      const over = await requests.spend(client);
      if (!over) return null;
      return { reason: 'requests', retryAfter: over.retryAfter, message: `Too many requests: at most ${limits.rateLimitRequests} per ${limits.rateLimitWindowSeconds} s.` };
    },

    async admitStream(client) {
      const quotaUsedUp = (msBeforeNext: number): LimitRejection => ({
        reason: 'quota',
        retryAfter: seconds(msBeforeNext),
        message: `Today's token quota of ${limits.dailyTokenQuota.toLocaleString('en')} is used up.`,
      });
      const release = await takeSlot(client);
      if (!release) {
        // The slot frees when one of the client's own answers ends, which cannot be foreseen: ask for a short wait.
        return { reason: 'concurrency', retryAfter: 2, message: `Too many answers at once: at most ${limits.maxConcurrentStreams} may stream together. Wait for one to finish.` };
      }
      if (tokens) {
        // Reserve first, then look: the increment is atomic, so of answers admitted at once each sees
        // the others' reservations, and only those that found room before their own stay admitted.
        const reserved = await tokens.penalty(client, reservation).catch(() => null);
        if (reserved && reserved.consumedPoints - reservation >= limits.dailyTokenQuota) {
          await tokens.reward(client, reservation).catch(() => undefined);
          release();
          return quotaUsedUp(reserved.msBeforeNext);
        }
      }
      let settled = false;
      return {
        release,
        async settle(cost) {
          if (settled || !tokens) return;
          settled = true;
          const change = Math.max(0, Math.round(cost)) - reservation;
          await (change > 0 ? tokens.penalty(client, change) : change < 0 ? tokens.reward(client, -change) : Promise.resolve()).catch(() => undefined);
        },
      };
    },
  };
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
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
