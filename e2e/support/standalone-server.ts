import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchOutput } from './child-output';
import { freePort } from './free-port';

export interface StandaloneServer {
  url: string;
  /** Everything the server printed on stdout so far, line by line. */
  output: () => string[];
  stop: () => Promise<void>;
}

/**
 * Copies the standalone server (`npm run build` leaves server.js, its traced node_modules, the
 * built assets and public/ in .next/standalone) into a temporary directory, as the Dockerfile copies
 * it into the image, so it runs without the repository's own node_modules.
 */
export function prepareStandaloneDir(root = process.cwd()): { dir: string; remove: () => void } {
  const standalone = join(root, '.next/standalone');
  if (!existsSync(join(standalone, 'server.js'))) throw new Error(`${standalone}/server.js is missing: run \`npm run build\` (next.config.mjs sets output: 'standalone')`);
  const dir = mkdtempSync(join(tmpdir(), 'rill-standalone-'));
  cpSync(standalone, dir, { recursive: true, verbatimSymlinks: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `node server.js` in `dir` on a free port with only `env` (plus PATH) and waits for /api/health. */
export async function startStandaloneServer(dir: string, env: Record<string, string>): Promise<StandaloneServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['server.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { lines, waitFor } = watchOutput(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(/Ready in/, 'the standalone server', 30_000);
    const health = await fetch(`${url}/api/health`);
    if (!health.ok) throw new Error(`the standalone server answered /api/health with ${health.status}:\n${lines.join('\n')}`);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    output: () => [...lines],
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
