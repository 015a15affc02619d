import { expect, test, type APIRequestContext } from '@playwright/test';
import { appPort } from './ports';
import { streamChat } from './support/chat-request';
import { parsePrometheusText, sampleValue } from './support/prometheus-text';
import { releaseHeld, uniqueMarker } from './support/upstream';

const baseURL = `http://127.0.0.1:${appPort}`;

async function metrics(request: APIRequestContext) {
  const response = await request.get('/api/metrics');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain; version=0.0.4');
  return parsePrometheusText(await response.text());
}

const counter = (samples: ReturnType<typeof parsePrometheusText>, name: string, labels: Record<string, string>) => sampleValue(samples, name, labels) ?? 0;

test('/api/metrics parses as Prometheus text and its counters move after a chat request', async ({ request }) => {
  const before = await metrics(request);
  const answer = await streamChat(baseURL, `${uniqueMarker('metrics')} [[long 20]]`);
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('data: [DONE]');
  const after = await metrics(request);

  const chat = { route: 'chat' };
  expect(counter(after, 'rill_http_requests_total', { ...chat, status: '200' })).toBeGreaterThan(counter(before, 'rill_http_requests_total', { ...chat, status: '200' }));
  expect(counter(after, 'rill_time_to_first_token_seconds_count', chat)).toBeGreaterThan(counter(before, 'rill_time_to_first_token_seconds_count', chat));
  expect(counter(after, 'rill_request_duration_seconds_count', chat)).toBeGreaterThan(counter(before, 'rill_request_duration_seconds_count', chat));
  expect(counter(after, 'rill_tokens_total', { ...chat, direction: 'output' }) - counter(before, 'rill_tokens_total', { ...chat, direction: 'output' })).toBeGreaterThanOrEqual(20);
  expect(counter(after, 'rill_tokens_total', { ...chat, direction: 'input' })).toBeGreaterThan(counter(before, 'rill_tokens_total', { ...chat, direction: 'input' }));
  // Node's own process metrics come along for free.
  expect(sampleValue(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
});

test('provider failures are counted by kind, and bad requests by status', async ({ request }) => {
  const before = await metrics(request);
  expect((await streamChat(baseURL, `${uniqueMarker('metrics-auth')} [[401]]`)).body).toContain('"type":"error"');
  expect((await request.post('/api/chat', { data: { messages: [] } })).status()).toBe(400);
  const after = await metrics(request);

  const auth = { route: 'chat', kind: 'auth' };
  expect(counter(after, 'rill_upstream_errors_total', auth)).toBeGreaterThan(counter(before, 'rill_upstream_errors_total', auth));
  const bad = { route: 'chat', status: '400' };
  expect(counter(after, 'rill_http_requests_total', bad)).toBeGreaterThan(counter(before, 'rill_http_requests_total', bad));
});

test('a stream in progress shows in the active streams gauge', async ({ request }) => {
  const marker = uniqueMarker('gauge');
  const streaming = streamChat(baseURL, `${marker} [[hold 1]] [[long 40]]`);
  await expect.poll(async () => sampleValue(await metrics(request), 'rill_active_streams', { route: 'chat' }) ?? 0).toBeGreaterThanOrEqual(1);
  await releaseHeld(marker);
  expect((await streaming).body).toContain('data: [DONE]');
});
