import { describe, expect, it } from 'vitest';
import { codeForStatus, decodeStreamError, encodeStreamError, errorFromResponse, errorTitle, rillError, secondsLeft } from './errors';

describe('stream errors', () => {
  it('survive the trip through the error chunk with their code and wait', () => {
    const error = rillError('rate_limited', 'Slow down', 12);
    expect(decodeStreamError(encodeStreamError(error))).toEqual(error);
  });

  it('show a foreign error text as it came, under the unknown code', () => {
    expect(decodeStreamError('An error occurred.')).toEqual({ code: 'unknown', message: 'An error occurred.' });
    expect(decodeStreamError('{"code":"nope","message":"x"}').code).toBe('unknown');
  });
});

describe('errorFromResponse', () => {
  it('reads the code, message and retry-after of a Rill JSON error', async () => {
    const response = Response.json({ error: 'Too many requests', code: 'rate_limited' }, { status: 429, headers: { 'retry-after': '7' } });
    expect(await errorFromResponse(response)).toEqual({ code: 'rate_limited', message: 'Too many requests', retryAfter: 7 });
  });

  it('falls back to the status when the body is not JSON', async () => {
    const error = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('502');
  });
});

describe('codes and titles', () => {
  it.each([
    [413, 'too_large'],
    [415, 'unsupported_media_type'],
    [429, 'rate_limited'],
    [401, 'auth'],
    [404, 'model_not_found'],
    [504, 'timeout'],
    [503, 'unavailable'],
    [400, 'bad_request'],
  ] as const)('HTTP %i is %s', (status, code) => expect(codeForStatus(status)).toBe(code));

  it('says how long to wait when rate limited', () => {
    expect(errorTitle(rillError('rate_limited', '', 2.2))).toBe('Rate limited — try again in 3 s');
    expect(errorTitle(rillError('rate_limited', ''))).toBe('Rate limited');
  });

  it('counts the wait down in whole seconds, never below 0', () => {
    expect([0, 1, 999, 1_000, 2_400, 3_000, 9_000].map((ms) => secondsLeft(3, ms))).toEqual([3, 3, 3, 2, 1, 0, 0]);
    expect(secondsLeft(2.2, 0)).toBe(3);
  });
});
