import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { dataDirFor } from '../ports';
import { watchOutput } from './child-output';
import { freePort } from './free-port';

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
  /** Ends the server at once, as a crash or an out-of-memory kill would: nothing gets to finish. */
  kill: () => Promise<void>;
}

/**
 * Starts the built app (`npm start`'s server) on a free port with extra environment, for specs that
 * need settings the shared servers do not have (low limits, Redis). Needs `npm run build` first, like
 * the rest of the e2e suite.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['.next/standalone/server.js'], {
    // A data folder of its own: two processes never open one embedded database.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', PORT: String(port), RILL_DATA_DIR: mkdtempSync(`${dataDirFor('server')}-`), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = watchOutput(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await output.waitFor(/Ready in/, 'the app server');
    const response = await fetch(`${url}/api/model`);
    if (!response.ok) throw new Error(`the app server answered /api/model with ${response.status}:\n${output.lines.join('\n')}`);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
