import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { appPort, fakeUpstreamPort, offlineAppPort } from './e2e/ports';

const systemChromium = '/usr/bin/chromium';
const nextBin = './node_modules/.bin/next';
// Playwright cannot download its browsers here; Debian's chromium stands in when present.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(systemChromium) ? systemChromium : undefined);
const serverMode = process.env.E2E_DEV ? 'dev' : 'start';

// Every spec talks to these servers from one address; per-client limits are tested on servers of
// their own (e2e/server-*.spec.ts), so here they are off and no suite can starve another.
const sharedEnv = { NEXT_TELEMETRY_DISABLED: '1', OFFLINE_MODEL_PACE_MS: '15', RILL_RATE_LIMIT_REQUESTS: '0', RILL_MAX_CONCURRENT_STREAMS: '0' };

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
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
    },
    {
      command: `${nextBin} ${serverMode} -H 127.0.0.1 -p ${appPort}`,
      url: `http://127.0.0.1:${appPort}/api/model`,
      env: { ...sharedEnv, OPENAI_BASE_URL: `http://127.0.0.1:${fakeUpstreamPort}/v1`, OPENAI_API_KEY: 'test-e2e-secret-key-never-in-browser', OPENAI_MODEL: 'fake-small' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `${nextBin} ${serverMode} -H 127.0.0.1 -p ${offlineAppPort}`,
      url: `http://127.0.0.1:${offlineAppPort}/api/model`,
      env: { ...sharedEnv, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
