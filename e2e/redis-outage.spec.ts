import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from './ports';
import { readAnswerWire, readUntil } from './support/answer-wire';
import { startAppServer, type AppServer } from './support/app-server';
import { startRedisServer, type RedisServer } from './support/redis-server';
import { uniqueMarker } from './support/upstream';

// Redis commands time out after RILL_REDIS_TIMEOUT_MS (500 ms by default) and fail at once while it
// is known to be down; ioredis's retries used to hold each one for 15 s and more. The bound is far
// between the two, so a busy machine cannot break it.
const FAIL_FAST_MS = 5_000;
// ioredis reconnects with a backoff of up to 5 s; polled, never slept for.
const RECOVERY_MS = 30_000;

let redis: RedisServer;
let app: AppServer;
let nextAddress = 1;
const newClient = () => `198.20.0.${nextAddress++}`;

test.describe.configure({ mode: 'default', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  redis = await startRedisServer();
  app = await startAppServer({
    OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`,
    OPENAI_API_KEY: 'sk-test-redis-outage',
    OPENAI_MODEL: 'fake-small',
    // The tests stand in for one trusted proxy: each x-forwarded-for they send is a client of its own.
    RILL_TRUSTED_PROXY_HOPS: '1',
    REDIS_URL: redis.url,
  });
});
test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient(), ...headers }, body: JSON.stringify(body) });
const chat = (text: string, headers?: Record<string, string>) => post('/api/chat', { temperature: 0, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }, headers);
const createRoom = () => post('/api/rooms', { panels: [{ prompt: 'hello' }] });
const roomEvents = (roomId: string, signal?: AbortSignal) => fetch(`${app.url}/api/rooms/${roomId}/events`, { headers: { 'x-forwarded-for': newClient() }, signal });
const health = async () => (await fetch(`${app.url}/api/health`)).json();

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const startedAt = performance.now();
  const result = await work();
  return { result, ms: performance.now() - startedAt };
}

test('while Redis is down every request is answered at once, /api/health says so, and Redis is used again once it is back', async () => {
  expect(await health()).toMatchObject({ status: 'ok', redis: { configured: true, reachable: true } });
  const created = await createRoom();
  expect(created.status).toBe(201);
  const { roomId } = (await created.json()) as { roomId: string };

  await redis.stop();
  await expect.poll(health).toMatchObject({ status: 'degraded', redis: { configured: true, reachable: false } });

  // Limits, cache lookup, coalescing and a resumable stream id all meet the outage, and fall back.
  const marker = uniqueMarker('outage');
  const answered = await timed(async () => readAnswerWire(await (await chat(`${marker} [[long 10]]`, { 'x-rill-stream-id': crypto.randomUUID() })).text()));
  expect(answered.result.finished).toBe(true);
  expect(answered.result.text).toMatch(new RegExp(`^Echo: ${marker}`));
  expect(answered.ms).toBeLessThan(FAIL_FAST_MS);
  const translated = await timed(async () => readAnswerWire(await (await post('/api/translate', { text: `${marker} [[reply <lang>de</lang> Guten Tag]]`, target: 'en' })).text()));
  expect(translated.result.finished).toBe(true);
  expect(translated.result.text).toBe('Guten Tag');
  expect(translated.ms).toBeLessThan(FAIL_FAST_MS);

  // Rooms live only in Redis: each room route says they are unavailable, as JSON, at once.
  const roomRequests = [() => createRoom(), () => post(`/api/rooms/${roomId}/commands`, { action: 'add-panel' }), () => roomEvents(roomId)];
  for (const request of roomRequests) {
    const { result: response, ms } = await timed(request);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'unavailable', error: expect.stringMatching(/^Rooms are unavailable/) });
    expect(ms).toBeLessThan(FAIL_FAST_MS);
  }

  await redis.restart();
  await expect.poll(health, { timeout: RECOVERY_MS }).toMatchObject({ status: 'ok', redis: { configured: true, reachable: true } });

  // The cache is in Redis alone, so a repeat served from it shows Redis is in use again.
  const again = uniqueMarker('recovered');
  expect(readAnswerWire(await (await chat(again)).text()).metadata?.cached).toBeUndefined();
  expect(readAnswerWire(await (await chat(again)).text()).metadata?.cached).toBe(true);

  const room = await createRoom();
  expect(room.status).toBe(201);
  const { roomId: newRoomId } = (await room.json()) as { roomId: string };
  expect((await post(`/api/rooms/${newRoomId}/commands`, { action: 'add-panel' })).status).toBe(200);
  // Room events use a subscriber connection of their own, which reconnects on its own schedule.
  await expect
    .poll(
      async () => {
        const leave = new AbortController();
        const events = await roomEvents(newRoomId, leave.signal);
        const opened = events.ok && (await readUntil(events, '"type":"snapshot"')).includes('"type":"snapshot"');
        leave.abort();
        return opened;
      },
      { timeout: RECOVERY_MS },
    )
    .toBe(true);
});
