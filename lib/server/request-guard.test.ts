import { describe, expect, it } from 'vitest';
import { isJsonContentType, refusedBeforeBudget } from './request-guard';

const post = (headers: Record<string, string>) => new Request('http://rill.example/api/chat', { method: 'POST', headers: { host: 'rill.example', ...headers } });
const statusOf = (headers: Record<string, string>) => refusedBeforeBudget(post({ 'content-type': 'application/json', ...headers }), { expectsJson: true })?.status ?? 'admitted';

describe('refusedBeforeBudget', () => {
  it("admits the app's own pages, and clients that are not browsers", () => {
    expect(statusOf({ origin: 'http://rill.example', 'sec-fetch-site': 'same-origin' })).toBe('admitted');
    expect(statusOf({})).toBe('admitted');
  });

  it('refuses what the browser says another site sent', () => {
    expect(statusOf({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(403);
    expect(statusOf({ 'sec-fetch-site': 'same-site', origin: 'https://other.rill.example' })).toBe(403);
  });

  it("believes the browser's Sec-Fetch-Site over a Host a proxy rewrote", () => {
    expect(statusOf({ host: '127.0.0.1:3000', origin: 'https://rill.example', 'sec-fetch-site': 'same-origin' })).toBe('admitted');
  });

  it('without Sec-Fetch-Site, refuses a foreign or opaque Origin', () => {
    expect(statusOf({ origin: 'https://evil.example' })).toBe(403);
    expect(statusOf({ origin: 'null' })).toBe(403);
    expect(statusOf({ origin: 'http://rill.example' })).toBe('admitted');
  });

  it('refuses a body that is not JSON with 415, and checks no content type where there is no body', () => {
    expect(statusOf({ 'content-type': 'text/plain' })).toBe(415);
    expect(refusedBeforeBudget(post({}), { expectsJson: false })).toBeUndefined();
  });
});

describe('isJsonContentType', () => {
  it('takes application/json with parameters, not look-alikes', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/json-seq')).toBe(false);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
