import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce, and forbids framing and plugins', () => {
    const policy = contentSecurityPolicy('abc==', { development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc=='");
    expect(policy).not.toContain('strict-dynamic');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
  });

  it("allows eval in development only, where React's error overlay needs it", () => {
    expect(contentSecurityPolicy('abc==', { development: true })).toContain("'unsafe-eval'");
  });

  it('makes a different nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
