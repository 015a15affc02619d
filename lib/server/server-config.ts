/**
 * The request pipeline's limits, read from the environment once. Every knob has a default that
 * suits one person's normal use and 100 simultaneous users at different addresses; 0 turns a limit
 * off where that makes sense. README lists the same names, defaults and meanings.
 */
export interface ServerConfig {
  /** Requests a client may make per window (0 = unlimited). */
  rateLimitRequests: number;
  rateLimitWindowSeconds: number;
  /** Answers one client may stream at once (0 = unlimited). */
  maxConcurrentStreams: number;
  /** Input + output tokens a client may use per UTC day (0 = no quota). */
  dailyTokenQuota: number;
  /** Upper bound on `maxOutputTokens` of any answer. */
  maxOutputTokens: number;
  /** 0 turns the response cache off. */
  cacheTtlSeconds: number;
  /** Memory cache bound: total size of cached answers. Redis is bounded by TTL and its own maxmemory. */
  cacheMaxBytes: number;
  /** Longer answers are not cached. */
  cacheMaxEntryBytes: number;
  /** Silence before the first token that ends an answer with a `timeout` error. */
  firstTokenTimeoutMs: number;
  /** Silence between tokens that ends an answer with a `timeout` error. */
  streamIdleTimeoutMs: number;
  /** How long an answer keeps going for a resumable client that disconnected, waiting for it to come back. */
  resumeGraceMs: number;
}

type Env = Record<string, string | undefined>;

const defaults: ServerConfig = {
  rateLimitRequests: 120,
  rateLimitWindowSeconds: 60,
  maxConcurrentStreams: 10,
  dailyTokenQuota: 0,
  maxOutputTokens: 8_192,
  cacheTtlSeconds: 3_600,
  cacheMaxBytes: 64 * 1024 * 1024,
  cacheMaxEntryBytes: 1024 * 1024,
  firstTokenTimeoutMs: 60_000,
  streamIdleTimeoutMs: 30_000,
  resumeGraceMs: 30_000,
};

const envNames: Record<keyof ServerConfig, string> = {
  rateLimitRequests: 'RILL_RATE_LIMIT_REQUESTS',
  rateLimitWindowSeconds: 'RILL_RATE_LIMIT_WINDOW_SECONDS',
  maxConcurrentStreams: 'RILL_MAX_CONCURRENT_STREAMS',
  dailyTokenQuota: 'RILL_DAILY_TOKEN_QUOTA',
  maxOutputTokens: 'RILL_MAX_OUTPUT_TOKENS',
  cacheTtlSeconds: 'RILL_CACHE_TTL_SECONDS',
  cacheMaxBytes: 'RILL_CACHE_MAX_BYTES',
  cacheMaxEntryBytes: 'RILL_CACHE_MAX_ENTRY_BYTES',
  firstTokenTimeoutMs: 'RILL_FIRST_TOKEN_TIMEOUT_MS',
  streamIdleTimeoutMs: 'RILL_STREAM_IDLE_TIMEOUT_MS',
  resumeGraceMs: 'RILL_RESUME_GRACE_MS',
};

/** Values that are not whole non-negative numbers fall back to the default, with a warning. */
export function readServerConfig(env: Env = process.env): ServerConfig {
  const config = { ...defaults };
  for (const key of Object.keys(envNames) as (keyof ServerConfig)[]) {
    const raw = env[envNames[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 0) config[key] = value;
    else console.warn(`Ignoring ${envNames[key]}=${raw}: expected a whole number >= 0; using ${defaults[key]}.`);
  }
  // A window of 0 s would make the limiter's keys never expire.
  if (config.rateLimitWindowSeconds === 0) config.rateLimitWindowSeconds = defaults.rateLimitWindowSeconds;
  if (config.maxOutputTokens === 0) config.maxOutputTokens = defaults.maxOutputTokens;
  return config;
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= readServerConfig();
  return cached;
}
