import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that signs cookies: `RILL_AUTH_SECRET` when set (several instances must share one), else
 * one made on first start and kept in the data folder, so a restart does not sign every guest out.
 */
export function serverSecret({ authSecret, dataDir }: { authSecret?: string; dataDir: string }): string {
  if (authSecret) return authSecret;
  const file = join(dataDir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const made = randomBytes(32).toString('base64url');
    // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
    try {
      writeFileSync(file, made, { mode: 0o600, flag: 'wx' });
      return made;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}
