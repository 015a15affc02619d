// The processes a scenario measures: the repo's fake upstream and the production server, each in
// its own process so neither shares an event loop with the benchmark's client.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ports } from './ports.mjs';
import { peerServer } from './build.mjs';
import { repoRoot } from './repo.mjs';

const running = new Set();
const TAIL_LINES = 40;

// Whatever ends the benchmark, no server outlives it (and holds its port for the next run).
process.on('exit', () => {
  for (const child of running) child.process.kill('SIGKILL');
});

/** Fake OpenAI-compatible upstream at a fixed default pace (e2e/fake-upstream/server.mjs). */
export async function startUpstream({ port, paceMs }) {
  const child = launch(process.execPath, [join(repoRoot, 'e2e/fake-upstream/server.mjs')], {
    FAKE_UPSTREAM_PORT: String(port),
    FAKE_UPSTREAM_PACE_MS: String(paceMs),
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, `${origin}/__health`, 10_000);
  return {
    origin,
    pid: child.process.pid,
    /** Upstream requests whose body contains `marker` (the fake's own request log). */
    async requests(marker) {
      const res = await fetch(`${origin}/__log?contains=${encodeURIComponent(marker)}`);
      return (await res.json()).requests;
    },
    /** Empties the log, which otherwise keeps every request body for the server's lifetime. */
    async clearLog() {
      await fetch(`${origin}/__log`, { method: 'DELETE' });
    },
    stop: () => child.stop(),
  };
}

/**
 * The production server (`npm start`'s `.next/standalone/server.js`) wired to the fake upstream.
 * Started as `node server.js`, so the pid we hold is the server's own, which the memory figures read from /proc.
 */
export async function startApp({ port, upstreamOrigin, nodeArgs = [], env = {} }) {
  const child = launch(process.execPath, [...nodeArgs, join(repoRoot, '.next/standalone/server.js')], {
    HOSTNAME: '127.0.0.1',
    PORT: String(port),
    OPENAI_BASE_URL: `${upstreamOrigin}/v1`,
    OPENAI_API_KEY: 'bench-fake-key',
    OPENAI_MODEL: 'fake-small',
    // Every benchmark request comes from one address; per-client limits would refuse most of them
    // and the figures would measure the limiter, not streaming.
    RILL_RATE_LIMIT_REQUESTS: '0',
    RILL_MAX_CONCURRENT_STREAMS: '0',
    // Its own embedded database, started empty: no run reads another's history.
    RILL_DATA_DIR: mkdtempSync(join(tmpdir(), 'rill-bench-')),
    ...env,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, `${origin}/api/model`, 60_000);
  return { origin, pid: serverPid(child.process.pid), stop: () => child.stop() };
}

/** The bare AI SDK route and the platform floor (bench/fixtures/bare-ai-sdk), the same standalone server, wired to the same upstream. */
export async function startPeer({ port, upstreamOrigin, paceMs }) {
  const child = launch(process.execPath, [peerServer], {
    FRAMES_PACE_MS: String(paceMs),
    HOSTNAME: '127.0.0.1',
    PORT: String(port),
    OPENAI_BASE_URL: `${upstreamOrigin}/v1`,
    OPENAI_API_KEY: 'bench-fake-key',
    OPENAI_MODEL: 'fake-small',
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, `${origin}/api/chat`, 60_000, { method: 'HEAD', acceptStatus: true });
  return { origin, pid: child.process.pid, stop: () => child.stop() };
}

/** Stops everything still running, e.g. when the run is interrupted. */
export async function stopAll() {
  await Promise.all([...running].map((child) => child.stop()));
}

function launch(command, args, env) {
  const proc = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for error messages; reading the pipes also stops a chatty server from blocking on them.
  const tail = [];
  const keep = (chunk) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));

  const child = {
    process: proc,
    exited,
    output: () => tail.join('\n'),
    async stop() {
      running.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  return child;
}

async function waitUntilUp(child, url, timeoutMs, { method = 'GET', acceptStatus = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  child.exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(url, { method });
      // A route with only POST answers other methods with 405: it is up all the same.
      if (res.ok || acceptStatus) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await child.stop();
  throw new Error(`${url} did not come up${gone ? ' (the process exited)' : ''}. Last output:\n${child.output()}`);
}

/** The pid serving requests: the process itself, or its child if the CLI forked one. */
function serverPid(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? serverPid(Number(children[0])) : pid;
  } catch {
    return pid;
  }
}

/** Runs `scenario` against a fresh fake upstream and app server (and the peer, if asked), and always stops them. */
export async function withServers({ paceMs, appNodeArgs, appEnv, peer = false }, scenario) {
  const upstream = await startUpstream({ port: ports.upstream, paceMs });
  const started = [upstream];
  try {
    const app = await startApp({ port: ports.app, upstreamOrigin: upstream.origin, nodeArgs: appNodeArgs, env: appEnv });
    started.push(app);
    const bare = peer ? await startPeer({ port: ports.peer, upstreamOrigin: upstream.origin, paceMs }) : undefined;
    if (bare) started.push(bare);
    return await scenario({ upstream, app, peer: bare });
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}
