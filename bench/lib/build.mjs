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

const PEER_DIR = join(repoRoot, 'bench/fixtures/bare-ai-sdk');
export const peerServer = join(PEER_DIR, '.next/standalone/bench/fixtures/bare-ai-sdk/server.js');

/** The bare AI SDK route the proxy scenario compares Rill with: built like Rill, when missing or stale. */
export function ensurePeerBuild() {
  const buildId = join(PEER_DIR, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [join(repoRoot, 'package-lock.json'), ...filesUnder(join(PEER_DIR, 'app')), join(PEER_DIR, 'next.config.mjs')];
  if (builtAt && existsSync(peerServer) && !sources.some((file) => statSync(file).mtimeMs > builtAt)) return;
  console.log('Building the bare AI SDK peer (bench/fixtures/bare-ai-sdk)');
  const nextBin = join(repoRoot, 'node_modules/next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`building the peer failed (exit ${result.status})`);
}
