import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the built app (`npm start`'s server) on a free port with extra environment, for specs that
 * need settings the shared servers do not have (low limits, Redis). Needs `npm run build` first, like
 * the rest of the e2e suite.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${url}/api/model`, child, () => stderr);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntilServing(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the app server did not serve ${url} within ${timeoutMs} ms: ${stderr()}`);
}

