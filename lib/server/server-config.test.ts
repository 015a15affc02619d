import { describe, expect, test, vi } from 'vitest';
import { readServerConfig } from './server-config';

describe('readServerConfig', () => {
  test('without settings, limits are generous and the daily quota is off', () => {
    expect(readServerConfig({})).toMatchObject({ rateLimitRequests: 120, rateLimitWindowSeconds: 60, maxConcurrentStreams: 10, dailyTokenQuota: 0 });
  });

  test('reads whole numbers from the environment; 0 turns a limit off', () => {
    const config = readServerConfig({ RILL_RATE_LIMIT_REQUESTS: '0', RILL_DAILY_TOKEN_QUOTA: '50000', RILL_CACHE_TTL_SECONDS: ' 30 ' });
    expect(config).toMatchObject({ rateLimitRequests: 0, dailyTokenQuota: 50_000, cacheTtlSeconds: 30 });
  });

  test('ignores values that are not whole non-negative numbers, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const config = readServerConfig({ RILL_MAX_CONCURRENT_STREAMS: 'lots', RILL_MAX_OUTPUT_TOKENS: '-5', RILL_RATE_LIMIT_WINDOW_SECONDS: '0' });
    expect(config).toMatchObject({ maxConcurrentStreams: 10, maxOutputTokens: 8_192, rateLimitWindowSeconds: 60 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('RILL_MAX_CONCURRENT_STREAMS=lots'));
    warn.mockRestore();
  });
});
