import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether `authorization` carries `Bearer <expected>`. Compared as hashes in constant time, so
 * neither the token's content nor its length leaks through response timing.
 */
export function bearerTokenMatches(authorization: string | null, expected: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
