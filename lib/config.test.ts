import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig: who answers', () => {
  it('uses the offline model when nothing is set, or only blanks', () => {
    expect(readConfig({}).model.mode).toBe('offline');
    expect(readConfig({ OPENAI_API_KEY: ' ', OPENAI_BASE_URL: '' }).model.mode).toBe('offline');
  });

  it('uses OpenAI with a key, with a default model unless one is named', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-a' }).model).toEqual({ mode: 'openai', apiKey: 'sk-a', defaultModel: 'gpt-4.1-mini', allowAnyModel: false });
    expect(readConfig({ OPENAI_API_KEY: 'sk-a', OPENAI_MODEL: 'gpt-5' }).model.defaultModel).toBe('gpt-5');
  });

  it('reads the models requests may name, and whether any name may be sent on', () => {
    expect(readConfig({ OPENAI_API_KEY: 'k', RILL_MODELS: ' gpt-4o, o3-mini ,' }).model).toMatchObject({ allowedModels: ['gpt-4o', 'o3-mini'], allowAnyModel: false });
    expect(readConfig({ OPENAI_BASE_URL: 'http://x/v1', RILL_ALLOW_ANY_MODEL: '1' }).model).toMatchObject({ allowAnyModel: true });
    expect(readConfig({ OPENAI_API_KEY: 'k', RILL_MODELS: '' }).model.allowedModels).toBeUndefined();
  });

  it('uses a compatible server when a base URL is set, with or without a key', () => {
    const { model } = readConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_MODEL: 'llama3.2' });
    expect(model).toMatchObject({ mode: 'compatible', baseURL: 'http://127.0.0.1:11434/v1', defaultModel: 'llama3.2' });
    expect(readConfig({ OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'k' }).model.apiKey).toBe('k');
  });
});

describe('readConfig: limits', () => {
  it('without settings, limits are generous and the daily quota is off', () => {
    expect(readConfig({}).pipeline).toMatchObject({ rateLimitRequests: 120, rateLimitWindowSeconds: 60, maxConcurrentStreams: 10, dailyTokenQuota: 0 });
  });

  it('reads whole numbers from the environment; 0 turns a limit off', () => {
    const { pipeline } = readConfig({ RILL_RATE_LIMIT_REQUESTS: '0', RILL_DAILY_TOKEN_QUOTA: '50000', RILL_CACHE_TTL_SECONDS: ' 30 ' });
    expect(pipeline).toMatchObject({ rateLimitRequests: 0, dailyTokenQuota: 50_000, cacheTtlSeconds: 30 });
  });

  it('reads room limits and per-model chat budgets', () => {
    const config = readConfig({ ROOM_IDLE_MINUTES: '5', ROOM_MAX_PARTICIPANTS: '3', CHAT_MODEL_INPUT_TOKEN_BUDGETS: 'gpt-4o:60000, qwen2.5:7b:5000' });
    expect(config.rooms).toMatchObject({ idleMs: 300_000, maxParticipants: 3 });
    expect(config.chat.modelInputTokenBudgets).toEqual({ 'gpt-4o': 60_000, 'qwen2.5:7b': 5_000 });
  });

  it('bounds share links by size and per client per hour, 0 turning the hourly limit off', () => {
    expect(readConfig({}).shares).toEqual({ maxBytes: 2 * 1024 * 1024, createsPerHour: 30 });
    expect(readConfig({ RILL_SHARE_MAX_BYTES: '65536', RILL_SHARES_PER_HOUR: '0' }).shares).toEqual({ maxBytes: 65_536, createsPerHour: 0 });
    expect(() => readConfig({ RILL_SHARE_MAX_BYTES: '10' })).toThrow(/RILL_SHARE_MAX_BYTES="10": expected a whole number ≥ 1024/);
  });

  it('bounds arena battles and votes per client per hour, 0 turning either off', () => {
    expect(readConfig({}).arena).toEqual({ battlesPerHour: 60, votesPerHour: 60 });
    expect(readConfig({ RILL_ARENA_BATTLES_PER_HOUR: '0', RILL_ARENA_VOTES_PER_HOUR: '5' }).arena).toEqual({ battlesPerHour: 0, votesPerHour: 5 });
  });

  it('keeps 200 saved prompts per owner unless told otherwise, and never none', () => {
    expect(readConfig({}).prompts.maxSaved).toBe(200);
    expect(readConfig({ RILL_MAX_SAVED_PROMPTS: '20' }).prompts.maxSaved).toBe(20);
    expect(() => readConfig({ RILL_MAX_SAVED_PROMPTS: '0' })).toThrow(/RILL_MAX_SAVED_PROMPTS="0": expected a whole number ≥ 1/);
  });

  it('gives Redis commands half a second unless told otherwise, and never none', () => {
    expect(readConfig({}).redisTimeoutMs).toBe(500);
    expect(readConfig({ RILL_REDIS_TIMEOUT_MS: '2000' }).redisTimeoutMs).toBe(2_000);
    expect(() => readConfig({ RILL_REDIS_TIMEOUT_MS: '0' })).toThrow(/RILL_REDIS_TIMEOUT_MS="0": expected a whole number ≥ 1/);
  });
});

describe('readConfig: where conversations are kept', () => {
  it('uses the embedded database in ./.data unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({ databaseUrl: undefined, dataDir: './.data' });
    expect(readConfig({ RILL_DATA_DIR: ' /var/lib/rill ', DATABASE_URL: '' })).toMatchObject({ databaseUrl: undefined, dataDir: '/var/lib/rill' });
  });

  it('uses PostgreSQL when given its URL, and refuses a URL of anything else without printing it', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://rill:secret@db:5432/rill' }).databaseUrl).toBe('postgres://rill:secret@db:5432/rill');
    expect(readConfig({ DATABASE_URL: 'postgresql://localhost/rill' }).databaseUrl).toBe('postgresql://localhost/rill');
    const read = () => readConfig({ DATABASE_URL: 'mysql://rill:secret@localhost/rill' });
    expect(read).toThrow(/DATABASE_URL=\(not shown\): expected a PostgreSQL URL/);
    expect(read).not.toThrow(/secret/);
  });
});

describe('readConfig: accounts', () => {
  it('has email and password only, plain cookies and ten sign-in attempts a minute unless told otherwise', () => {
    expect(readConfig({}).auth).toEqual({ publicUrl: undefined, github: undefined, google: undefined, secureCookies: false, signInAttemptsPerMinute: 10, sessionDays: 30 });
    expect(readConfig({ VERCEL: '1' }).auth.secureCookies).toBe(true);
  });

  it('turns an OAuth provider on with both its id and secret, and refuses one half without the other', () => {
    const auth = readConfig({ RILL_PUBLIC_URL: 'https://rill.example.com/', GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret' }).auth;
    expect(auth).toMatchObject({ publicUrl: 'https://rill.example.com', github: { clientId: 'id', clientSecret: 'secret' }, google: undefined, secureCookies: true });
    expect(() => readConfig({ GOOGLE_CLIENT_ID: 'id' })).toThrow(/needs both its client id and its client secret/);
  });

  it('gives signed-in users the guests’ budgets unless they have their own', () => {
    expect(readConfig({ RILL_RATE_LIMIT_REQUESTS: '60' }).pipeline.signedIn).toEqual({ rateLimitRequests: 60, maxConcurrentStreams: 10, dailyTokenQuota: 0 });
    expect(readConfig({ RILL_USER_RATE_LIMIT_REQUESTS: '600', RILL_USER_DAILY_TOKEN_QUOTA: '1000000' }).pipeline.signedIn).toEqual({ rateLimitRequests: 600, maxConcurrentStreams: 10, dailyTokenQuota: 1_000_000 });
    expect(() => readConfig({ RILL_USER_MAX_CONCURRENT_STREAMS: '-1' })).toThrow(/RILL_USER_MAX_CONCURRENT_STREAMS/);
  });
});

describe('readConfig: a malformed setting stops the start, naming every bad variable', () => {
  it('refuses numbers that are not whole and non-negative, and windows of 0', () => {
    const read = () => readConfig({ RILL_MAX_CONCURRENT_STREAMS: 'lots', RILL_MAX_OUTPUT_TOKENS: '-5', RILL_RATE_LIMIT_WINDOW_SECONDS: '0' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/RILL_MAX_CONCURRENT_STREAMS="lots": expected a whole number ≥ 0/);
    expect(read).toThrow(/RILL_MAX_OUTPUT_TOKENS="-5": expected a whole number ≥ 1/);
    expect(read).toThrow(/RILL_RATE_LIMIT_WINDOW_SECONDS="0": expected a whole number ≥ 1/);
  });

  it('refuses a base URL that is not a URL, a bad budget list and an unknown log level', () => {
    expect(() => readConfig({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL="localhost:11434": expected an http\(s\) URL/);
    expect(() => readConfig({ CHAT_MODEL_INPUT_TOKEN_BUDGETS: 'gpt-4o' })).toThrow(/"gpt-4o" is not model:tokens/);
    expect(() => readConfig({ LOG_LEVEL: 'chatty' })).toThrow(/LOG_LEVEL="chatty"/);
  });
});

describe('readConfig: attachments', () => {
  it('has sane limits by default, each settable', () => {
    expect(readConfig({ OPENAI_API_KEY: 'k' }).attachments).toEqual({ maxBytes: 10 * 1024 * 1024, perMessage: 10, maxTextChars: 100_000, textOnlyModels: [] });
    expect(readConfig({ OPENAI_API_KEY: 'k', RILL_ATTACHMENT_MAX_BYTES: '1024', RILL_ATTACHMENTS_PER_MESSAGE: '0', RILL_ATTACHMENT_MAX_TEXT_CHARS: '50', RILL_TEXT_ONLY_MODELS: 'llama3.2, qwen2.5:7b' }).attachments).toEqual({
      maxBytes: 1024,
      perMessage: 0,
      maxTextChars: 50,
      textOnlyModels: ['llama3.2', 'qwen2.5:7b'],
    });
    expect(() => readConfig({ RILL_ATTACHMENT_MAX_BYTES: '0' })).toThrow(/RILL_ATTACHMENT_MAX_BYTES="0"/);
  });

  it('knows when no model reads images: `*`, or the offline model', () => {
    expect(readConfig({ OPENAI_API_KEY: 'k', RILL_TEXT_ONLY_MODELS: '*' }).attachments.textOnlyModels).toBe('all');
    expect(readConfig({}).attachments.textOnlyModels).toBe('all');
  });
});
