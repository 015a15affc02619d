// The benchmark measures the production build. It builds when there is none or when a
// source file is newer than it, and says which, so a stale build is never measured.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './repo.mjs';

const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'scripts/complete-standalone.mjs', 'package.json', 'package-lock.json', 'tailwind.config.ts', 'postcss.config.mjs'];

export function ensureBuild() {
  const buildId = join(repoRoot, '.next', 'BUILD_ID');
  const reason = !existsSync(buildId) ? 'there is no build in .next' : staleReason(statSync(buildId).mtimeMs);
  if (!reason) return { built: false };
  console.log(`Building first (${reason}): npm run build`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  return { built: true, reason };
}

function staleReason(builtAt) {
  const newer = [...SOURCE_FILES.map((file) => join(repoRoot, file)), ...SOURCE_DIRS.flatMap((dir) => filesUnder(join(repoRoot, dir)))].find(
    (file) => existsSync(file) && !file.endsWith('.test.ts') && statSync(file).mtimeMs > builtAt,
  );
  return newer ? `${relative(repoRoot, newer)} changed since the last build` : null;
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
