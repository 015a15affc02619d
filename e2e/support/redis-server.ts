import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { watchOutput } from './child-output';
import { freePort } from './free-port';

export interface RedisServer {
  url: string;
  stop: () => Promise<void>;
  /** After `stop`: the same server again, empty, on the same port, as after an outage. */
  restart: () => Promise<void>;
  /** Freezes it (SIGSTOP): its connections stay open but nothing answers, like a hung host. */
  pause: () => void;
  resume: () => void;
}

/**
 * Starts a throwaway, non-persisting redis-server on a free loopback port. The Redis-backed tests are
 * part of the suite, never skipped: without redis-server they fail, saying how to install it.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: the Redis tests need it (Debian: apt-get install redis-server; .ci/run installs it)');
  }
  const port = await freePort();
  const start = async () => {
    const started: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await watchOutput(started).waitFor(/Ready to accept connections/, 'redis-server', 10_000);
    return started;
  };
  let child = await start();
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (exited()) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        // A paused server handles the SIGTERM only once it runs again.
        child.kill('SIGCONT');
      }),
    restart: async () => {
      if (!exited()) throw new Error('restart() needs the server stopped first');
      child = await start();
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}
