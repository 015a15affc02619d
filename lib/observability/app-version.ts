import packageJson from '@/package.json';

/** The running release: package version, plus the commit when the platform says (Vercel does). */
export function appVersion(env: Record<string, string | undefined> = process.env): { version: string; commit?: string } {
  const commit = (env.VERCEL_GIT_COMMIT_SHA || env.RILL_COMMIT_SHA)?.slice(0, 12);
  return commit ? { version: packageJson.version, commit } : { version: packageJson.version };
}
