import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from '../ports';
import { startAppServer, type AppServer } from './app-server';
import { readAnswerWire, readUntil } from './answer-wire';
import { startRedisServer, type RedisServer } from './redis-server';
import { uniqueMarker, upstreamRequests } from './upstream';

/** Low enough to reach in a test; every other test speaks from its own address so it never meets it. */
const REQUEST_BUDGET = 5;

let nextAddress = 1;
const newClient = () => `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

/**
 * The production pipeline over HTTP against a real `next start` with its own settings: once in
 * memory, once on a real redis-server.
 */
export function serverSuite(store: 'memory' | 'redis') {
  test.describe(`production pipeline over HTTP (${store})`, () => {
    test.describe.configure({ mode: 'default', timeout: 120_000 });

    let app: AppServer;
    /** With Redis, a second instance sharing it, as behind a load balancer. */
    let peer: AppServer | undefined;
    let redis: RedisServer | undefined;

    test.beforeAll(async () => {
      test.setTimeout(90_000);
      if (store === 'redis') redis = await startRedisServer();
      const env = {
        OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`,
        OPENAI_API_KEY: 'sk-test-server-spec',
        OPENAI_MODEL: 'fake-small',
        RILL_RATE_LIMIT_REQUESTS: String(REQUEST_BUDGET),
        RILL_RESUME_GRACE_MS: '60000',
        // The tests stand in for one trusted proxy: each x-forwarded-for they send is a client of its own.
        RILL_TRUSTED_PROXY_HOPS: '1',
        ...(redis ? { REDIS_URL: redis.url } : {}),
      };
      [app, peer] = await Promise.all([startAppServer(env), redis ? startAppServer(env) : undefined]);
    });
    test.afterAll(async () => {
      await Promise.all([app?.stop(), peer?.stop()]);
      await redis?.stop();
    });

    type ChatOptions = { client?: string; temperature?: number; headers?: Record<string, string>; signal?: AbortSignal; server?: AppServer };
    const chat = (text: string, { client = newClient(), temperature = 0, headers = {}, signal, server = app }: ChatOptions = {}) =>
      fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers },
        body: JSON.stringify({ temperature, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
        signal,
      });

    test('10 identical concurrent requests make exactly one upstream call and all 10 get the full answer', async () => {
      const marker = uniqueMarker('coalesce');
      const answers = await Promise.all(Array.from({ length: 10 }, async () => readAnswerWire(await (await chat(`${marker} [[pace 30]] [[long 20]]`)).text())));
      const upstream = await upstreamRequests(marker);
      expect(upstream).toHaveLength(1);
      expect(upstream[0]?.completed).toBe(true);
      for (const answer of answers) {
        expect(answer.finished).toBe(true);
        expect(answer.text).toContain(`Echo: ${marker}`);
        expect(answer.text).toBe(answers[0]?.text);
      }
    });

    test('a repeated temperature-0 request is served from the cache, without an upstream call', async () => {
      const marker = uniqueMarker('cache');
      const first = readAnswerWire(await (await chat(`${marker} [[long 10]]`)).text());
      const again = readAnswerWire(await (await chat(`${marker} [[long 10]]`)).text());
      const fresh = readAnswerWire(await (await chat(`${marker} [[long 10]]`, { headers: { 'cache-control': 'no-cache' } })).text());
      expect(again.text).toBe(first.text);
      expect(again.metadata?.cached).toBe(true);
      expect(first.metadata?.cached).toBeUndefined();
      expect(fresh.metadata?.cached).toBeUndefined();
      // The first and the fresh one went upstream; the repeat did not.
      expect(await upstreamRequests(marker)).toHaveLength(2);
    });

    test('an answer at a temperature above 0 is never served from the cache', async () => {
      const marker = uniqueMarker('warm');
      await (await chat(marker, { temperature: 0.7 })).text();
      await (await chat(marker, { temperature: 0.7 })).text();
      expect(await upstreamRequests(marker)).toHaveLength(2);
    });

    test('when every client of a shared answer leaves, the upstream call is aborted', async () => {
      const marker = uniqueMarker('abandon');
      const leaving = [new AbortController(), new AbortController(), new AbortController()];
      const responses = await Promise.all(leaving.map((controller) => chat(`${marker} [[pace 100]] [[long 300]]`, { signal: controller.signal })));
      await Promise.all(responses.map((response) => readUntil(response, 'text-delta')));
      expect(await upstreamRequests(marker)).toHaveLength(1);
      for (const controller of leaving) controller.abort();
      await expect.poll(async () => (await upstreamRequests(marker))[0]?.aborted, { timeout: 10_000 }).toBe(true);
      expect((await upstreamRequests(marker))[0]?.tokensSent).toBeLessThan(300);
    });

    test('the first request past the budget gets 429 with retry-after, and other clients are still served', async () => {
      const client = newClient();
      const marker = uniqueMarker('budget');
      const statuses: number[] = [];
      for (let i = 0; i <= REQUEST_BUDGET; i++) {
        const response = await chat(`${marker} ${i}`, { client, temperature: 1 });
        statuses.push(response.status);
        if (response.status !== 429) {
          await response.text();
          continue;
        }
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await response.json()).toMatchObject({ code: 'rate_limited', retryAfter: expect.any(Number), error: expect.stringMatching(/Too many requests/) });
      }
      expect(statuses).toEqual([...Array(REQUEST_BUDGET).fill(200), 429]);
      expect((await chat(`${marker} someone else`)).status).toBe(200);
    });

    test('in the chat, a request past the budget shows how long to wait, and the text typed is kept', async ({ page }) => {
      const client = newClient();
      for (let i = 0; i < REQUEST_BUDGET; i++) await (await chat(uniqueMarker('spend'), { client, temperature: 1 })).text();
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': client });
      await page.goto(`${app.url}/chat`);
      const input = page.getByRole('combobox', { name: 'Message', exact: true });
      await expect(input).toBeEditable();
      await input.fill('one more question');
      await input.press('Enter');
      const answer = page.getByTestId('message-assistant').last();
      await expect(answer.getByRole('alert')).toContainText(/Rate limited — try again in \d+ s/);
      await expect(page.getByTestId('message-user').last()).toHaveText('one more question');
    });

    const badRequests: { name: string; body: string; headers?: Record<string, string>; status: number }[] = [
      { name: 'an empty body', body: '', status: 400 },
      { name: 'JSON null', body: 'null', status: 400 },
      { name: 'an array', body: '[]', status: 400 },
      { name: 'a cut-off JSON', body: '{"messages":[{"id":"u","role":"user","parts":[{"type":"text","text":"hi', status: 400 },
      { name: 'a number for the temperature', body: JSON.stringify({ temperature: 'hot', messages: [] }), status: 400 },
      { name: 'a negative output cap', body: JSON.stringify({ maxOutputTokens: -1, messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'x' }] }] }), status: 400 },
      { name: 'form data', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
      { name: 'a 2 MB body', body: JSON.stringify({ pad: 'x'.repeat(2_000_000) }), status: 413 },
      { name: 'a stream id with a path in it', body: JSON.stringify({ messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'x' }] }] }), headers: { 'x-rill-stream-id': '../../x' }, status: 400 },
    ];

    test('malformed requests all get a 4xx JSON error, and the server keeps serving', async () => {
      for (const bad of badRequests) {
        const response = await fetch(`${app.url}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient(), ...bad.headers },
          body: bad.body,
        });
        expect(response.status, bad.name).toBe(bad.status);
        expect(await response.json(), bad.name).toMatchObject({ error: expect.any(String), code: expect.any(String) });
      }
      const marker = uniqueMarker('after-bad');
      const answer = readAnswerWire(await (await chat(marker)).text());
      expect(answer.finished).toBe(true);
      expect(answer.text).toBe(`Echo: ${marker}`);
    });

    test('a client that reconnects mid-answer gets the whole answer from one upstream call', async () => {
      const marker = uniqueMarker('resume');
      const streamId = crypto.randomUUID();
      const client = newClient();
      const first = new AbortController();
      const response = await chat(`${marker} [[pace 40]] [[long 40]]`, { client, temperature: 1, headers: { 'x-rill-stream-id': streamId }, signal: first.signal });
      expect(response.headers.get('x-rill-stream-id')).toBe(streamId);
      await readUntil(response, 'text-delta');
      first.abort();

      const resumed = await fetch(`${app.url}/api/answers/${streamId}`, { headers: { 'x-forwarded-for': client } });
      expect(resumed.status).toBe(200);
      expect(resumed.headers.get('content-type')).toContain('text/event-stream');
      const answer = readAnswerWire(await resumed.text());
      expect(answer.finished).toBe(true);
      expect(answer.text).toMatch(new RegExp(`^Echo: ${marker}`));
      expect(answer.text.split(' ').length).toBeGreaterThan(40);
      const upstream = await upstreamRequests(marker);
      expect(upstream).toHaveLength(1);
      expect(upstream[0]?.aborted).toBe(false);

      expect((await fetch(`${app.url}/api/answers/${crypto.randomUUID()}`)).status).toBe(204);
    });

    test('Stop on a resumable answer aborts the upstream call at once', async () => {
      const marker = uniqueMarker('stop');
      const streamId = crypto.randomUUID();
      const controller = new AbortController();
      const client = newClient();
      const response = await chat(`${marker} [[pace 100]] [[long 300]]`, { client, temperature: 1, headers: { 'x-rill-stream-id': streamId }, signal: controller.signal });
      await readUntil(response, 'text-delta');
      controller.abort();
      // Stop from anyone else does nothing: the id is this client's.
      expect((await fetch(`${app.url}/api/answers/${streamId}`, { method: 'DELETE', headers: { 'x-forwarded-for': newClient() } })).status).toBe(204);
      expect((await fetch(`${app.url}/api/answers/${streamId}`, { headers: { 'x-forwarded-for': newClient() } })).status).toBe(204);
      expect((await upstreamRequests(marker))[0]?.aborted).toBe(false);
      expect((await fetch(`${app.url}/api/answers/${streamId}`, { method: 'DELETE', headers: { 'x-forwarded-for': client } })).status).toBe(204);
      // The server would otherwise keep it going for a reload for the whole minute of grace.
      await expect.poll(async () => (await upstreamRequests(marker))[0]?.aborted, { timeout: 10_000 }).toBe(true);
    });

    if (store === 'redis') {
      test('a second instance on the same Redis shares the cache, the request budget, answers in flight and resumable answers', async () => {
        const marker = uniqueMarker('peer');
        const shared = await Promise.all(
          Array.from({ length: 10 }, async (_, i) => readAnswerWire(await (await chat(`${marker} shared [[pace 30]] [[long 20]]`, { server: i % 2 ? peer : app })).text())),
        );
        expect(await upstreamRequests(`${marker} shared`)).toHaveLength(1);
        for (const answer of shared) expect(answer.finished && answer.text.startsWith(`Echo: ${marker} shared`)).toBe(true);

        await (await chat(`${marker} cached`)).text();
        const fromPeer = readAnswerWire(await (await chat(`${marker} cached`, { server: peer })).text());
        expect(fromPeer.metadata?.cached).toBe(true);
        expect(await upstreamRequests(`${marker} cached`)).toHaveLength(1);

        const client = newClient();
        const statuses: number[] = [];
        for (let i = 0; i <= REQUEST_BUDGET; i++) {
          const response = await chat(`${marker} budget ${i}`, { client, temperature: 1, server: i % 2 ? peer : app });
          statuses.push(response.status);
          await response.text();
        }
        expect(statuses).toEqual([...Array(REQUEST_BUDGET).fill(200), 429]);

        const streamId = crypto.randomUUID();
        const first = new AbortController();
        const reader = newClient();
        const response = await chat(`${marker} resumed [[pace 40]] [[long 40]]`, { client: reader, temperature: 1, headers: { 'x-rill-stream-id': streamId }, signal: first.signal });
        await readUntil(response, 'text-delta');
        first.abort();
        const resumed = readAnswerWire(await (await fetch(`${peer!.url}/api/answers/${streamId}`, { headers: { 'x-forwarded-for': reader } })).text());
        expect(resumed.finished).toBe(true);
        expect(resumed.text).toMatch(new RegExp(`^Echo: ${marker} resumed`));
        expect(await upstreamRequests(`${marker} resumed`)).toHaveLength(1);
      });
    }
  });
}
