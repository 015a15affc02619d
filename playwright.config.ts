import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { appPort, dataDirFor, fakeUpstreamPort, offlineAppPort, portsChosenByHand } from './e2e/ports';

const systemChromium = '/usr/bin/chromium';
// Playwright cannot download its browsers here; Debian's chromium stands in when present.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(systemChromium) ? systemChromium : undefined);
// The production server `npm start` runs (E2E_DEV=1: `next dev` instead, to debug a spec against live code).
const appServer = (port: number) =>
  process.env.E2E_DEV ? `./node_modules/.bin/next dev -H 127.0.0.1 -p ${port}` : 'node .next/standalone/server.js';
const listenOn = (port: number) => ({ HOSTNAME: '127.0.0.1', PORT: String(port) });
// Servers someone started by hand on the ports they chose are used as they are (never under CI).
const reuseExistingServer = portsChosenByHand && !process.env.CI;

// Every spec talks to these servers from one address; per-client limits are tested on servers of
// their own (e2e/server-*.spec.ts, abuse.spec.ts, collaborate-admission.spec.ts), so here they are off
// and no suite can starve another.
const sharedEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  OFFLINE_MODEL_PACE_MS: '15',
  RILL_RATE_LIMIT_REQUESTS: '0',
  RILL_MAX_CONCURRENT_STREAMS: '0',
  RILL_ROOM_CREATES_PER_HOUR: '0',
  RILL_SHARES_PER_HOUR: '0',
  RILL_ARENA_BATTLES_PER_HOUR: '0',
  RILL_ARENA_VOTES_PER_HOUR: '0',
  RILL_ROOM_STREAMS_PER_CLIENT: '0',
  RILL_SIGN_IN_ATTEMPTS_PER_MINUTE: '0',
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'upstream', testIgnore: '**/offline*.spec.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${appPort}` } },
    { name: 'offline', testMatch: '**/offline*.spec.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${offlineAppPort}` } },
  ],
  webServer: [
    {
      command: 'node e2e/fake-upstream/server.mjs',
      url: `http://127.0.0.1:${fakeUpstreamPort}/__health`,
      env: { FAKE_UPSTREAM_PORT: String(fakeUpstreamPort) },
      reuseExistingServer,
      timeout: 10_000,
    },
    {
      command: appServer(appPort),
      url: `http://127.0.0.1:${appPort}/api/model`,
      // Typed model names go to the fake upstream as they are (the settings specs type their own); the
      // default allowlist is tested on a server of its own (e2e/abuse.spec.ts).
      env: { ...sharedEnv, ...listenOn(appPort), RILL_DATA_DIR: dataDirFor('app'), OPENAI_BASE_URL: `http://127.0.0.1:${fakeUpstreamPort}/v1`, OPENAI_API_KEY: 'test-e2e-secret-key-never-in-browser', OPENAI_MODEL: 'fake-small', RILL_ALLOW_ANY_MODEL: '1' },
      reuseExistingServer,
      timeout: 120_000,
    },
    {
      command: appServer(offlineAppPort),
      url: `http://127.0.0.1:${offlineAppPort}/api/model`,
      env: { ...sharedEnv, ...listenOn(offlineAppPort), RILL_DATA_DIR: dataDirFor('offline-app'), OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
      reuseExistingServer,
      timeout: 120_000,
    },
  ],
});
