import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';
import { freePort } from './free-port';

export interface RedisServer {
  url: string;
  stop: () => Promise<void>;
}

/** Why Redis-backed tests cannot run here, or null when `redis-server` is installed. */
export function redisUnavailableReason(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (!found.error) return null;
  // CI installs redis-server (.ci/run), so there a missing one is a broken set-up, not a reason to skip.
  if (process.env.CI) throw new Error('redis-server is not installed, but CI must run the Redis tests: check .ci/run');
  return 'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)';
}

/** Starts a throwaway, non-persisting redis-server on a free loopback port. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitForPing(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForPing(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}
