import type { RillConfig } from '@/lib/config';
import packageJson from '@/package.json';

/** The running release: package version, plus the commit when the platform says (Vercel does). */
export function appVersion({ commit }: Pick<RillConfig, 'commit'>): { version: string; commit?: string } {
  return commit ? { version: packageJson.version, commit } : { version: packageJson.version };
}
