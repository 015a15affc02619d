import { APICallError, RetryError, StreamProviderError } from 'ai';
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after';
import { classifyUpstreamError } from './upstream-errors';

const apiError = (statusCode: number, headers: Record<string, string> = {}, data?: unknown) =>
  new APICallError({ message: 'x', url: 'http://u', requestBodyValues: {}, statusCode, responseHeaders: headers, data });

describe('classifyUpstreamError', () => {
  it('reports a 429 with the wait the provider asked for', () => {
    expect(classifyUpstreamError(apiError(429, { 'retry-after': '20' }), { streamedText: false })).toMatchObject({ code: 'rate_limited', retryAfter: 20 });
  });

  it('names a rejected key, an unknown model and a provider outage', () => {
    expect(classifyUpstreamError(apiError(401), { streamedText: false }).code).toBe('auth');
    const notFound = classifyUpstreamError(apiError(404, {}, { error: { message: 'The model `x` does not exist' } }), { streamedText: false });
    expect(notFound).toMatchObject({ code: 'model_not_found', message: 'The model `x` does not exist' });
    expect(classifyUpstreamError(apiError(503), { streamedText: false }).code).toBe('unavailable');
  });

  it('looks through a RetryError to the last failure', () => {
    const error = new RetryError({ message: 'failed', reason: 'maxRetriesExceeded', errors: [apiError(500), apiError(429, { 'retry-after': '3' })] });
    expect(classifyUpstreamError(error, { streamedText: false })).toMatchObject({ code: 'rate_limited', retryAfter: 3 });
  });

  it('calls a broken connection an interruption once text has arrived, and an outage before', () => {
    const cut = new TypeError('terminated');
    expect(classifyUpstreamError(cut, { streamedText: true }).code).toBe('interrupted');
    expect(classifyUpstreamError(cut, { streamedText: false }).code).toBe('unavailable');
  });

  it('reads an error sent inside a 200 stream by its code, not the status guessed from it', () => {
    const inStream = (code: string, type: string, statusCode?: number) => new StreamProviderError({ message: 'provider says no', code, type, statusCode });
    expect(classifyUpstreamError(inStream('invalid_api_key', 'invalid_request_error', 400), { streamedText: false }).code).toBe('auth');
    expect(classifyUpstreamError(inStream('model_not_found', 'invalid_request_error', 400), { streamedText: false }).code).toBe('model_not_found');
    expect(classifyUpstreamError(inStream('rate_limit_exceeded', 'requests'), { streamedText: true }).code).toBe('rate_limited');
    expect(classifyUpstreamError(inStream('server_error', 'server_error', 500), { streamedText: true }).code).toBe('unavailable');
    // Sent before any text, the provider raises it as a call error with the guessed status.
    const early = apiError(400, {}, { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(classifyUpstreamError(early, { streamedText: false }).code).toBe('auth');
  });

  it('reports timeouts as such', () => {
    expect(classifyUpstreamError(new DOMException('late', 'TimeoutError'), { streamedText: false }).code).toBe('timeout');
  });
});

describe('retryAfterMs', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterMs({ 'retry-after': inTenSeconds })).toBeGreaterThan(8_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
