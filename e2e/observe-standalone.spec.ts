import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from './ports';
import { streamChat, streamedText } from './support/chat-request';
import { prepareStandaloneDir, startStandaloneServer, type StandaloneServer } from './support/standalone-server';
import { uniqueMarker } from './support/upstream';

// What the Docker image runs: `node server.js` from Next's standalone output, without the repo.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const secret = 'standalone-secret-never-logged';
const metricsToken = 'metrics-token-for-the-test';
let layout: ReturnType<typeof prepareStandaloneDir>;
let offline: StandaloneServer;
let upstream: StandaloneServer;

test.beforeAll(async () => {
  // Copying ~50 MB and starting two servers takes a while on a busy machine.
  test.setTimeout(120_000);
  layout = prepareStandaloneDir();
  [offline, upstream] = await Promise.all([
    startStandaloneServer(layout.dir, { METRICS_TOKEN: metricsToken }),
    startStandaloneServer(layout.dir, { OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`, OPENAI_API_KEY: secret, OPENAI_MODEL: 'fake-small' }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([offline?.stop(), upstream?.stop()]);
  layout?.remove();
});

test('the standalone server serves the chat page and streams an answer from the offline model', async ({ page }) => {
  const health = await (await fetch(`${offline.url}/api/health`)).json();
  expect(health).toMatchObject({ status: 'ok', model: { mode: 'offline' } });

  const answer = await streamChat(offline.url, 'Hello from the standalone test');
  expect(answer.status).toBe(200);
  expect(answer.body.match(/"type":"text-delta"/g)?.length).toBeGreaterThan(5);
  expect(streamedText(answer.body)).toMatch(/offline demo model/i);
  expect(answer.body).toContain('data: [DONE]');

  await page.goto(`${offline.url}/chat`);
  await page.getByRole('combobox', { name: 'Message', exact: true }).fill('Hi there');
  await page.getByRole('combobox', { name: 'Message', exact: true }).press('Enter');
  await expect(page.getByTestId('message-assistant').last()).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('message-assistant').last()).toContainText('offline demo model');
});

test('with METRICS_TOKEN set, /api/metrics needs the bearer token', async () => {
  const refused = await fetch(`${offline.url}/api/metrics`);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('www-authenticate')).toContain('Bearer');
  expect(await refused.json()).toMatchObject({ code: 'auth' });
  expect((await fetch(`${offline.url}/api/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  const allowed = await fetch(`${offline.url}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(allowed.status).toBe(200);
  expect(await allowed.text()).toContain('rill_http_requests_total{route="chat",status="200"}');
});

test('one JSON log line per request, with no prompt text and no key', async () => {
  const marker = uniqueMarker('log-privacy');
  const prompt = `${marker} my private question`;
  const answer = await streamChat(upstream.url, prompt);
  expect(streamedText(answer.body)).toContain(`Echo: ${marker}`);

  await expect.poll(() => upstream.output().filter((line) => line.includes(answer.requestId ?? 'no id')).length).toBe(1);
  const line = upstream.output().find((entry) => entry.includes(answer.requestId ?? 'no id')) ?? '';
  expect(JSON.parse(line)).toMatchObject({
    requestId: answer.requestId,
    route: 'chat',
    status: 200,
    model: 'fake-small',
    source: 'upstream',
    clientHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    ttftMs: expect.any(Number),
    durationMs: expect.any(Number),
    inputTokens: expect.any(Number),
    outputTokens: expect.any(Number),
  });
  const everything = upstream.output().join('\n');
  expect(everything).not.toContain(marker);
  expect(everything).not.toContain(secret);
});
