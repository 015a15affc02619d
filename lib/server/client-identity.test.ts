import { describe, expect, it } from 'vitest';
import { clientAddress, resolveClientAddress } from './client-identity';

describe('resolveClientAddress', () => {
  it('trusts no header when no proxy is trusted: the connection is the client', () => {
    expect(resolveClientAddress('203.0.113.7', undefined, 0)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
  });

  it('takes the address the trusted proxies saw, never an entry the client wrote before them', () => {
    // Client 198.51.100.9 sent "x-forwarded-for: 1.2.3.4"; the proxy (10.0.0.2) appended its peer.
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4, 198.51.100.9', 1)).toBe('198.51.100.9');
    // Two proxies: a CDN (appends the client) then a load balancer (appends the CDN).
    expect(resolveClientAddress('10.0.0.3', '1.2.3.4, 198.51.100.9, 10.0.0.2', 2)).toBe('198.51.100.9');
  });

  it('falls back to the first entry when the chain is shorter than the trusted hops', () => {
    expect(resolveClientAddress('198.51.100.9', undefined, 1)).toBe('198.51.100.9');
    expect(resolveClientAddress('10.0.0.2', '198.51.100.9', 3)).toBe('198.51.100.9');
  });

  it('reads an IPv4-mapped IPv6 peer as its IPv4 address, and keeps real IPv6', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
    expect(resolveClientAddress('2001:db8::1', undefined, 0)).toBe('2001:db8::1');
  });

  it('is unknown when nothing says', () => {
    expect(resolveClientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('clientAddress', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("reads the server's stamp, never the client's x-forwarded-for", () => {
    const config = { trustedProxyHops: 0, onVercel: false };
    expect(clientAddress(headers({ 'x-rill-client-address': '203.0.113.7', 'x-forwarded-for': '1.2.3.4' }), config)).toBe('203.0.113.7');
    expect(clientAddress(headers({ 'x-forwarded-for': '1.2.3.4' }), config)).toBe('unknown');
  });

  it("on Vercel, uses the edge's x-forwarded-for", () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.9' }), { trustedProxyHops: 0, onVercel: true })).toBe('198.51.100.9');
  });
});
