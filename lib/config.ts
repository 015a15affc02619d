import 'server-only';
import { z } from '@/lib/zod';
import { logLevel, modelBudgets, nameList, optionalWholeNumber, postgresUrl, text, url, wholeNumber } from './config-fields';
import { processSingleton } from './process-singleton';

/**
 * Rill's settings, read from the environment once per process and checked: everything on the server
 * asks `rillConfig()` instead of reading `process.env`. A malformed value is an error at start-up
 * (instrumentation.ts reads the config first), naming the variable, rather than a silent default.
 * The README's tables list the same names, defaults and meanings.
 */
export type ModelMode = 'offline' | 'openai' | 'compatible';

export interface ModelConfig {
  mode: ModelMode;
  /** The model used when a request names none. */
  defaultModel: string;
  /** The models requests may name (`RILL_MODELS`); unset: the default and those the provider lists. */
  allowedModels?: string[];
  /** Any model name a request gives goes to the provider (`RILL_ALLOW_ANY_MODEL=1`, for a local server). */
  allowAnyModel: boolean;
  /** Set only for 'compatible': the server Rill talks to. */
  baseURL?: string;
  apiKey?: string;
}

/** The request pipeline's limits. 0 turns a limit off where that makes sense. */
export interface PipelineConfig {
  /** What a signed-in user may do instead: an operator may give accounts larger budgets than guests. Unset values are the guests'. */
  signedIn: SignedInLimits;
  /** Requests a client may make per window (0 = unlimited). */
  rateLimitRequests: number;
  rateLimitWindowSeconds: number;
  /** Answers one client may stream at once (0 = unlimited). */
  maxConcurrentStreams: number;
  /** Input + output tokens a client may use per 24 h (0 = no quota). */
  dailyTokenQuota: number;
  /** Upper bound on `maxOutputTokens` of any answer. */
  maxOutputTokens: number;
  /** 0 turns the response cache off. */
  cacheTtlSeconds: number;
  /** Memory cache bound: total size of cached answers. Redis is bounded by TTL and its own maxmemory. */
  cacheMaxBytes: number;
  /** Longer answers are not cached. */
  cacheMaxEntryBytes: number;
  /** No first token within this ends an answer with a `timeout` error. */
  firstTokenTimeoutMs: number;
  /** Silence this long between tokens ends an answer with a `timeout` error. */
  streamIdleTimeoutMs: number;
  /** How long an answer keeps going for a resumable client that disconnected, waiting for it to come back. */
  resumeGraceMs: number;
  /** A request body not received whole within this is refused (408) and its connection closed. */
  bodyTimeoutMs: number;
}

export type SignedInLimits = Pick<PipelineConfig, 'rateLimitRequests' | 'maxConcurrentStreams' | 'dailyTokenQuota'>;

export interface ChatConfig {
  /** Input tokens a chat request may send, for any model without a budget of its own. */
  inputTokenBudget: number;
  /** Per-model input budgets (`CHAT_MODEL_INPUT_TOKEN_BUDGETS=gpt-4o:60000,llama3.2:6000`). */
  modelInputTokenBudgets: Readonly<Record<string, number>>;
  /** The largest conversation the server keeps for a visitor, as JSON. */
  maxConversationBytes: number;
  /** A guest who has saved nothing for this many days is deleted, chats and all; 0 keeps guests for ever. */
  guestIdleDays: number;
}

/** Saved prompts (lib/prompts): the list each owner keeps on the server. */
export interface PromptsConfig {
  /** Prompts one owner may save; a longer list is refused (400) and stays in the browser. */
  maxSaved: number;
}

/** Translation glossaries (lib/translate/glossary.ts): the list each owner keeps on the server. */
export interface GlossariesConfig {
  /** Glossaries one owner may keep; a longer list is refused (400) and stays in the browser. */
  maxGlossaries: number;
  /** Terms one glossary may hold; an import reads up to this many. */
  maxTerms: number;
}

/** Files attached to chat messages (lib/attachments). */
export interface AttachmentConfig {
  /** The largest file one may attach, in bytes (an image's bytes, or a document before its text is read). */
  maxBytes: number;
  /** Files one message may carry; 0 turns attachments off. */
  perMessage: number;
  /** Characters of text kept from one file; the rest is cut, with a note saying so. */
  maxTextChars: number;
  /** Models that cannot read images (`RILL_TEXT_ONLY_MODELS`); `'all'` for every model of this server. */
  textOnlyModels: string[] | 'all';
}

export interface RoomConfig {
  /** A room nobody writes to or watches for this long is deleted. */
  idleMs: number;
  maxParticipants: number;
  heartbeatMs: number;
  /** A participant not heard from for this long (a server that died with its connections) no longer counts. */
  presenceTimeoutMs: number;
  /** A run longer than this is stopped, so a forgotten one cannot hold a model call open forever. */
  maxRunMs: number;
  /** Rooms one client may start per hour; 0 = unlimited. */
  createsPerHour: number;
  /** Rooms held at once (in memory, or in Redis for every instance); past it, new rooms wait for old ones to expire. */
  maxRooms: number;
  /** Room event streams one client may hold open on one instance (its open room tabs); 0 = unlimited. */
  streamsPerClient: number;
  /** Room event streams one instance holds open in all; 0 = unlimited. */
  streamsTotal: number;
}

/** Read-only snapshot links to a conversation (lib/share). */
export interface ShareConfig {
  /** The largest snapshot kept, as JSON; a longer conversation is refused (413). */
  maxBytes: number;
  /** Links one client may create per hour; 0 = unlimited. */
  createsPerHour: number;
}

/** The arena (lib/arena): blind battles between two models, and the votes that rank them. */
export interface ArenaConfig {
  /** Battles one client may start per hour; 0 = unlimited. */
  battlesPerHour: number;
  /** Votes one client may cast per hour; 0 = unlimited. */
  votesPerHour: number;
}

/** Voice (lib/voice): live conversation over the provider's Realtime API, dictation and read-aloud. */
export interface VoiceConfig {
  /** The Realtime model a voice conversation runs on. */
  realtimeModel: string;
  /** The voice it answers in. */
  realtimeVoice: string;
  /** How the browser reaches the provider: WebRTC in production; a WebSocket where WebRTC cannot go (tests, some proxies). */
  transport: 'webrtc' | 'websocket';
  /** Seconds a minted client secret may be used to connect (the provider allows 10–7200). */
  secretTtlSeconds: number;
  /** Voice conversations one client may start per hour; 0 = unlimited. */
  sessionsPerHour: number;
  /** Tokens each voice conversation is counted as against the daily quota (the server never sees what it spends). */
  sessionQuotaTokens: number;
  /** Tokens of the conversation's earlier turns given to a voice conversation as context. */
  contextTokenBudget: number;
  /** The model that transcribes what the user says in a voice conversation. */
  transcriptionModel: string;
}

/** Where a request's client address comes from (lib/server/client-identity.ts). */
export interface ClientAddressConfig {
  /**
   * Proxies in front of Rill that append the address they saw to `x-forwarded-for` (0: none, the
   * connection's peer is the client). On Vercel its edge's own header is used instead.
   */
  trustedProxyHops: number;
  onVercel: boolean;
}

/** Accounts (lib/accounts): better-auth's settings. */
export interface AuthConfig {
  /** Where users reach Rill (`https://rill.example.com`): OAuth callbacks and trusted origins; unset, each request's own origin. */
  publicUrl?: string;
  /** OAuth providers switched on by their client id and secret. */
  github?: OAuthClient;
  google?: OAuthClient;
  /** Session cookies say Secure (and take the `__Secure-` prefix): an https public URL, or Vercel, which serves only https. */
  secureCookies: boolean;
  /** Sign-in and sign-up attempts one client may make per minute; 0 = unlimited. */
  signInAttemptsPerMinute: number;
  /** A session not used for this many days ends. */
  sessionDays: number;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface RillConfig {
  model: ModelConfig;
  auth: AuthConfig;
  clientAddress: ClientAddressConfig;
  /** Milliseconds between the offline model's tokens (tests make it faster). */
  offlinePaceMs?: number;
  pipeline: PipelineConfig;
  chat: ChatConfig;
  prompts: PromptsConfig;
  glossaries: GlossariesConfig;
  attachments: AttachmentConfig;
  rooms: RoomConfig;
  shares: ShareConfig;
  arena: ArenaConfig;
  voice: VoiceConfig;
  /** Shared state across instances; memory in this process when unset. */
  redisUrl?: string;
  /** Signs session and guest cookies; when unset, one is made once and kept in `dataDir`. */
  authSecret?: string;
  /** A Redis command with no answer this long fails, and its caller falls back to this process's state. */
  redisTimeoutMs: number;
  /** Conversations and accounts go to this PostgreSQL; unset, to the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Rill's own files (the embedded database, the secret that signs cookies), relative to the working directory unless absolute. */
  dataDir: string;
  /** When set, `GET /api/metrics` needs it as a bearer token. */
  metricsToken?: string;
  logging: { level: string; pretty: boolean; logContent: boolean };
  tracing: { otlpEndpoint?: string; serviceName: string };
  /** Shown in `/api/health`: the deployed commit, when the platform says (Vercel does). */
  commit?: string;
}

export const OFFLINE_MODEL_ID = 'rill-offline-demo';
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

type Env = Record<string, string | undefined>;

const envSchema = z.object({
  OPENAI_API_KEY: text,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: text,
  RILL_MODELS: nameList.transform((names) => (names.length > 0 ? names : undefined)),
  RILL_ALLOW_ANY_MODEL: z.preprocess((value) => value === '1', z.boolean()),
  OFFLINE_MODEL_PACE_MS: z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined), z.number().int().min(0).optional()),
  RILL_RATE_LIMIT_REQUESTS: wholeNumber(120),
  RILL_USER_RATE_LIMIT_REQUESTS: optionalWholeNumber,
  RILL_USER_MAX_CONCURRENT_STREAMS: optionalWholeNumber,
  RILL_USER_DAILY_TOKEN_QUOTA: optionalWholeNumber,
  RILL_RATE_LIMIT_WINDOW_SECONDS: wholeNumber(60, { min: 1 }),
  RILL_MAX_CONCURRENT_STREAMS: wholeNumber(10),
  RILL_DAILY_TOKEN_QUOTA: wholeNumber(0),
  RILL_MAX_OUTPUT_TOKENS: wholeNumber(8_192, { min: 1 }),
  RILL_CACHE_TTL_SECONDS: wholeNumber(3_600),
  RILL_CACHE_MAX_BYTES: wholeNumber(64 * 1024 * 1024),
  RILL_CACHE_MAX_ENTRY_BYTES: wholeNumber(1024 * 1024),
  RILL_FIRST_TOKEN_TIMEOUT_MS: wholeNumber(60_000, { min: 1 }),
  RILL_STREAM_IDLE_TIMEOUT_MS: wholeNumber(30_000, { min: 1 }),
  RILL_RESUME_GRACE_MS: wholeNumber(30_000),
  RILL_BODY_TIMEOUT_MS: wholeNumber(10_000, { min: 1 }),
  RILL_TRUSTED_PROXY_HOPS: wholeNumber(0),
  VERCEL: text,
  CHAT_INPUT_TOKEN_BUDGET: wholeNumber(8_000, { min: 1 }),
  CHAT_MODEL_INPUT_TOKEN_BUDGETS: modelBudgets,
  RILL_CONVERSATION_MAX_BYTES: wholeNumber(4 * 1024 * 1024, { min: 1024 }),
  RILL_GUEST_IDLE_DAYS: wholeNumber(180),
  RILL_MAX_SAVED_PROMPTS: wholeNumber(200, { min: 1 }),
  RILL_GLOSSARIES_MAX: wholeNumber(20, { min: 1 }),
  RILL_GLOSSARY_MAX_TERMS: wholeNumber(500, { min: 1 }),
  RILL_ATTACHMENT_MAX_BYTES: wholeNumber(10 * 1024 * 1024, { min: 1 }),
  RILL_ATTACHMENTS_PER_MESSAGE: wholeNumber(10),
  RILL_ATTACHMENT_MAX_TEXT_CHARS: wholeNumber(100_000, { min: 1 }),
  RILL_TEXT_ONLY_MODELS: nameList,
  ROOM_IDLE_MINUTES: wholeNumber(30, { min: 1 }),
  ROOM_MAX_PARTICIPANTS: wholeNumber(20, { min: 1 }),
  RILL_ROOM_CREATES_PER_HOUR: wholeNumber(30),
  RILL_MAX_ROOMS: wholeNumber(500, { min: 1 }),
  RILL_ROOM_STREAMS_PER_CLIENT: wholeNumber(10),
  RILL_ROOM_STREAMS_TOTAL: wholeNumber(2_000),
  RILL_SHARE_MAX_BYTES: wholeNumber(2 * 1024 * 1024, { min: 1024 }),
  RILL_SHARES_PER_HOUR: wholeNumber(30),
  RILL_ARENA_BATTLES_PER_HOUR: wholeNumber(60),
  RILL_ARENA_VOTES_PER_HOUR: wholeNumber(60),
  RILL_REALTIME_MODEL: text,
  RILL_REALTIME_VOICE: text,
  RILL_REALTIME_TRANSPORT: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z.enum(['webrtc', 'websocket'], { error: 'expected webrtc or websocket' }).default('webrtc'),
  ),
  RILL_VOICE_SECRET_TTL_SECONDS: wholeNumber(60, { min: 10 }).pipe(z.number().max(7_200, { error: 'expected at most 7200 seconds' })),
  RILL_VOICE_SESSIONS_PER_HOUR: wholeNumber(30),
  RILL_VOICE_SESSION_QUOTA_TOKENS: wholeNumber(4_000),
  RILL_VOICE_CONTEXT_TOKENS: wholeNumber(4_000),
  RILL_TRANSCRIPTION_MODEL: text,
  REDIS_URL: text,
  RILL_AUTH_SECRET: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
    z.string().min(32, { error: 'expected at least 32 characters (e.g. openssl rand -base64 32)' }).optional(),
  ),
  RILL_PUBLIC_URL: url,
  GITHUB_CLIENT_ID: text,
  GITHUB_CLIENT_SECRET: text,
  GOOGLE_CLIENT_ID: text,
  GOOGLE_CLIENT_SECRET: text,
  RILL_SIGN_IN_ATTEMPTS_PER_MINUTE: wholeNumber(10),
  RILL_SESSION_DAYS: wholeNumber(30, { min: 1 }),
  RILL_REDIS_TIMEOUT_MS: wholeNumber(500, { min: 1 }),
  DATABASE_URL: postgresUrl,
  RILL_DATA_DIR: text,
  METRICS_TOKEN: text,
  LOG_LEVEL: logLevel,
  RILL_LOG_CONTENT: z.preprocess((value) => value === '1', z.boolean()),
  NODE_ENV: text,
  OTEL_EXPORTER_OTLP_ENDPOINT: text,
  OTEL_SERVICE_NAME: text,
  VERCEL_GIT_COMMIT_SHA: text,
  RILL_COMMIT_SHA: text,
});

/** Thrown for a malformed setting: the message names every bad variable and what it should be. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ROOM_HEARTBEAT_MS = 15_000;

/** The start-up error goes to the logs, so it names these but never prints their value (a URL's password). */
const SECRET_SETTINGS = new Set(['DATABASE_URL', 'RILL_AUTH_SECRET', 'GITHUB_CLIENT_SECRET', 'GOOGLE_CLIENT_SECRET']);

export function readConfig(env: Env = process.env): RillConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = SECRET_SETTINGS.has(name) ? '(not shown)' : JSON.stringify(env[name] ?? '');
      return `  ${name}=${value}: ${issue.message}`;
    });
    throw new ConfigError(`Rill cannot start: ${problems.length === 1 ? 'a setting is' : 'some settings are'} not valid.\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const model = modelConfig(e);
  return {
    model,
    clientAddress: { trustedProxyHops: e.RILL_TRUSTED_PROXY_HOPS, onVercel: e.VERCEL === '1' },
    offlinePaceMs: e.OFFLINE_MODEL_PACE_MS,
    auth: {
      publicUrl: e.RILL_PUBLIC_URL?.replace(/\/+$/, ''),
      secureCookies: e.RILL_PUBLIC_URL ? e.RILL_PUBLIC_URL.startsWith('https://') : e.VERCEL === '1',
      github: oauthClient(e.GITHUB_CLIENT_ID, e.GITHUB_CLIENT_SECRET),
      google: oauthClient(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET),
      signInAttemptsPerMinute: e.RILL_SIGN_IN_ATTEMPTS_PER_MINUTE,
      sessionDays: e.RILL_SESSION_DAYS,
    },
    pipeline: {
      signedIn: {
        rateLimitRequests: e.RILL_USER_RATE_LIMIT_REQUESTS ?? e.RILL_RATE_LIMIT_REQUESTS,
        maxConcurrentStreams: e.RILL_USER_MAX_CONCURRENT_STREAMS ?? e.RILL_MAX_CONCURRENT_STREAMS,
        dailyTokenQuota: e.RILL_USER_DAILY_TOKEN_QUOTA ?? e.RILL_DAILY_TOKEN_QUOTA,
      },
      rateLimitRequests: e.RILL_RATE_LIMIT_REQUESTS,
      rateLimitWindowSeconds: e.RILL_RATE_LIMIT_WINDOW_SECONDS,
      maxConcurrentStreams: e.RILL_MAX_CONCURRENT_STREAMS,
      dailyTokenQuota: e.RILL_DAILY_TOKEN_QUOTA,
      maxOutputTokens: e.RILL_MAX_OUTPUT_TOKENS,
      cacheTtlSeconds: e.RILL_CACHE_TTL_SECONDS,
      cacheMaxBytes: e.RILL_CACHE_MAX_BYTES,
      cacheMaxEntryBytes: e.RILL_CACHE_MAX_ENTRY_BYTES,
      firstTokenTimeoutMs: e.RILL_FIRST_TOKEN_TIMEOUT_MS,
      streamIdleTimeoutMs: e.RILL_STREAM_IDLE_TIMEOUT_MS,
      resumeGraceMs: e.RILL_RESUME_GRACE_MS,
      bodyTimeoutMs: e.RILL_BODY_TIMEOUT_MS,
    },
    chat: { inputTokenBudget: e.CHAT_INPUT_TOKEN_BUDGET, modelInputTokenBudgets: e.CHAT_MODEL_INPUT_TOKEN_BUDGETS, maxConversationBytes: e.RILL_CONVERSATION_MAX_BYTES, guestIdleDays: e.RILL_GUEST_IDLE_DAYS },
    prompts: { maxSaved: e.RILL_MAX_SAVED_PROMPTS },
    glossaries: { maxGlossaries: e.RILL_GLOSSARIES_MAX, maxTerms: e.RILL_GLOSSARY_MAX_TERMS },
    attachments: {
      maxBytes: e.RILL_ATTACHMENT_MAX_BYTES,
      perMessage: e.RILL_ATTACHMENTS_PER_MESSAGE,
      maxTextChars: e.RILL_ATTACHMENT_MAX_TEXT_CHARS,
      // The offline model reads text only, whatever is set.
      textOnlyModels: e.RILL_TEXT_ONLY_MODELS.includes('*') || model.mode === 'offline' ? 'all' : e.RILL_TEXT_ONLY_MODELS,
    },
    rooms: {
      idleMs: e.ROOM_IDLE_MINUTES * 60_000,
      maxParticipants: e.ROOM_MAX_PARTICIPANTS,
      heartbeatMs: ROOM_HEARTBEAT_MS,
      presenceTimeoutMs: ROOM_HEARTBEAT_MS * 3,
      maxRunMs: 5 * 60_000,
      createsPerHour: e.RILL_ROOM_CREATES_PER_HOUR,
      maxRooms: e.RILL_MAX_ROOMS,
      streamsPerClient: e.RILL_ROOM_STREAMS_PER_CLIENT,
      streamsTotal: e.RILL_ROOM_STREAMS_TOTAL,
    },
    shares: { maxBytes: e.RILL_SHARE_MAX_BYTES, createsPerHour: e.RILL_SHARES_PER_HOUR },
    arena: { battlesPerHour: e.RILL_ARENA_BATTLES_PER_HOUR, votesPerHour: e.RILL_ARENA_VOTES_PER_HOUR },
    voice: {
      realtimeModel: e.RILL_REALTIME_MODEL ?? 'gpt-realtime',
      realtimeVoice: e.RILL_REALTIME_VOICE ?? 'marin',
      transport: e.RILL_REALTIME_TRANSPORT,
      secretTtlSeconds: e.RILL_VOICE_SECRET_TTL_SECONDS,
      sessionsPerHour: e.RILL_VOICE_SESSIONS_PER_HOUR,
      sessionQuotaTokens: e.RILL_VOICE_SESSION_QUOTA_TOKENS,
      contextTokenBudget: e.RILL_VOICE_CONTEXT_TOKENS,
      transcriptionModel: e.RILL_TRANSCRIPTION_MODEL ?? 'gpt-4o-mini-transcribe',
    },
    redisUrl: e.REDIS_URL,
    authSecret: e.RILL_AUTH_SECRET,
    redisTimeoutMs: e.RILL_REDIS_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RILL_DATA_DIR ?? './.data',
    metricsToken: e.METRICS_TOKEN,
    logging: { level: e.LOG_LEVEL, pretty: e.NODE_ENV === 'development', logContent: e.RILL_LOG_CONTENT },
    tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME ?? 'rill' },
    commit: (e.VERCEL_GIT_COMMIT_SHA ?? e.RILL_COMMIT_SHA)?.slice(0, 12),
  };
}

/** A provider needs both halves; one alone is a mistake worth naming rather than a provider that fails at sign-in. */
function oauthClient(clientId: string | undefined, clientSecret: string | undefined): OAuthClient | undefined {
  if (!clientId && !clientSecret) return undefined;
  if (!clientId || !clientSecret) throw new ConfigError(`Rill cannot start: an OAuth provider needs both its client id and its client secret (one of the two is set).`);
  return { clientId, clientSecret };
}

function modelConfig(e: z.output<typeof envSchema>): ModelConfig {
  const baseURL = e.OPENAI_BASE_URL?.replace(/\/+$/, '');
  const choice = { allowedModels: e.RILL_MODELS, allowAnyModel: e.RILL_ALLOW_ANY_MODEL };
  // Local servers (Ollama, LM Studio, llama.cpp) need no key, so a base URL alone is enough.
  if (baseURL) return { mode: 'compatible', baseURL, apiKey: e.OPENAI_API_KEY ?? 'not-needed', defaultModel: e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL, ...choice };
  if (e.OPENAI_API_KEY) return { mode: 'openai', apiKey: e.OPENAI_API_KEY, defaultModel: e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL, ...choice };
  return { mode: 'offline', defaultModel: OFFLINE_MODEL_ID, allowAnyModel: false };
}

/** The process's configuration, read once. */
export function rillConfig(): RillConfig {
  return processSingleton('config', () => readConfig());
}
