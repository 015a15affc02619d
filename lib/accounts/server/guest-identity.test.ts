import { describe, expect, it } from 'vitest';
import { createGuestIdentity, GUEST_COOKIE } from './guest-identity';

const identity = createGuestIdentity('a-test-secret-of-enough-length');
const withCookie = (cookie?: string) => new Request('https://rill.test/api/conversations', { headers: cookie ? { cookie } : {} });
const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;

describe('guest identity', () => {
  it('names a new visitor with a signed, HttpOnly, SameSite cookie, and knows them by it after', () => {
    const first = identity.ownerOf(withCookie());
    expect(first.setCookie).toMatch(new RegExp(`^${GUEST_COOKIE}=[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=\\d+; Secure$`));
    const again = identity.ownerOf(withCookie(`theme=dark; ${cookieOf(first.setCookie!)}`));
    expect(again).toEqual({ id: first.id });
  });

  it('ignores a forged, altered or foreign-signed cookie: that visitor is a new guest', () => {
    const real = cookieOf(identity.ownerOf(withCookie()).setCookie!);
    const [name, value] = real.split('=') as [string, string];
    const [id, signature] = value.split('.') as [string, string];
    const otherServer = createGuestIdentity('another-secret-entirely');
    for (const cookie of [`${name}=${id}.forged`, `${name}=${'A'.repeat(22)}.${signature}`, `${name}=${id}`, cookieOf(otherServer.ownerOf(withCookie()).setCookie!), `${name}=`]) {
      expect(identity.guestOf(withCookie(cookie))).toBeNull();
      expect(identity.ownerOf(withCookie(cookie)).setCookie).toBeDefined();
    }
  });

  it('leaves Secure off for a server reached over plain http (localhost), and sets it behind a TLS proxy', () => {
    expect(identity.ownerOf(new Request('http://127.0.0.1:3000/api/conversations')).setCookie).not.toMatch(/Secure/);
    expect(identity.ownerOf(new Request('http://rill:3000/api/conversations', { headers: { 'x-forwarded-proto': 'https' } })).setCookie).toMatch(/; Secure$/);
  });
});

describe('serverSecret', () => {
  it('uses RILL_AUTH_SECRET when set, else makes one once and keeps it in the data folder', async () => {
    const { mkdtempSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { serverSecret } = await import('./server-secret');
    const dataDir = join(mkdtempSync(join(tmpdir(), 'rill-secret-')), 'data');
    expect(serverSecret({ authSecret: 'x'.repeat(32), dataDir })).toBe('x'.repeat(32));
    const made = serverSecret({ dataDir });
    expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(serverSecret({ dataDir })).toBe(made);
    expect(statSync(join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
  });
});
