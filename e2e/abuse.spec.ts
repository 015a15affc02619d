import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from './ports';
import { readAnswerWire } from './support/answer-wire';
import { startAppServer, type AppServer } from './support/app-server';
import { releaseHeld, uniqueMarker, upstreamRequests, wordsOf } from './support/upstream';

// Requests with an empty JSON body are refused (400) after the budget is counted, so none reaches the model.
const REQUESTS = 3;
// On the `bounded` server: a daily quota that two answers of the cap use up.
const QUOTA = 300;
const ANSWER_CAP = 200;
const servers: { direct?: AppServer; proxied?: AppServer; bounded?: AppServer } = {};
let nextClient = 1;
const newClient = () => `203.0.113.${nextClient++}`;

test.describe.configure({ mode: 'default', timeout: 60_000 });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const env = { OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`, OPENAI_API_KEY: 'sk-test-abuse', OPENAI_MODEL: 'fake-small', RILL_RATE_LIMIT_REQUESTS: String(REQUESTS) };
  [servers.direct, servers.proxied, servers.bounded] = await Promise.all([
    startAppServer(env),
    startAppServer({ ...env, RILL_TRUSTED_PROXY_HOPS: '1', RILL_MAX_CONCURRENT_STREAMS: '1', RILL_FIRST_TOKEN_TIMEOUT_MS: '2000', RILL_STREAM_IDLE_TIMEOUT_MS: '2000' }),
    startAppServer({
      ...env,
      RILL_TRUSTED_PROXY_HOPS: '1',
      RILL_RATE_LIMIT_REQUESTS: '100',
      RILL_DAILY_TOKEN_QUOTA: String(QUOTA),
      RILL_MAX_OUTPUT_TOKENS: String(ANSWER_CAP),
      RILL_ROOM_CREATES_PER_HOUR: '3',
      RILL_MAX_ROOMS: '5',
      RILL_ROOM_STREAMS_PER_CLIENT: '2',
      RILL_ROOM_STREAMS_TOTAL: '4',
      RILL_BODY_TIMEOUT_MS: '1000',
    }),
  ]);
});
test.afterAll(() => Promise.all([servers.direct?.stop(), servers.proxied?.stop(), servers.bounded?.stop()]));

const post = (server: AppServer, path: string, headers: Record<string, string>, body = '{}') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('with no trusted proxy, a client that rotates x-forwarded-for is still one client', async () => {
  const statuses = [];
  for (let i = 0; i <= REQUESTS; i++) statuses.push((await post(servers.direct!, '/api/chat', { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
  expect(statuses).toEqual([...Array(REQUESTS).fill(400), 429]);
});

test('behind one trusted proxy, only the address that proxy appended counts, not what the client wrote before it', async () => {
  const client = newClient();
  const statuses = [];
  // The client writes a new fake address each time; the proxy appends the client's real one.
  for (let i = 0; i <= REQUESTS; i++) statuses.push((await post(servers.proxied!, '/api/chat', { 'x-forwarded-for': `10.9.9.${i + 1}, ${client}` })).status);
  expect(statuses).toEqual([...Array(REQUESTS).fill(400), 429]);
  // Another client behind the same proxy has a budget of its own.
  expect((await post(servers.proxied!, '/api/chat', { 'x-forwarded-for': newClient() })).status).toBe(400);
});

test("another site's page cannot spend a visitor's budget: cross-site and non-JSON requests are refused before it is counted", async () => {
  const client = newClient();
  const as = (headers: Record<string, string>) => ({ 'x-forwarded-for': client, ...headers });
  for (const path of ['/api/chat', '/api/translate', '/api/rooms']) {
    const foreign = await post(servers.proxied!, path, as({ origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: expect.stringMatching(/other sites/) });
    expect((await post(servers.proxied!, path, as({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    // What an HTML form can send across sites without a preflight, and a JSON look-alike.
    const form = await post(servers.proxied!, path, as({ 'content-type': 'text/plain' }), '{"messages":[]}');
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect((await post(servers.proxied!, path, as({ 'content-type': 'application/json-seq' }))).status).toBe(415);
  }
  expect((await fetch(`${servers.proxied!.url}/api/answers/some-stream-id`, { method: 'DELETE', headers: as({ origin: 'https://evil.example' }) })).status).toBe(403);
  // Twelve refused requests later, the client's whole budget is still there; its own page is served.
  const statuses = [];
  for (let i = 0; i <= REQUESTS; i++) statuses.push((await post(servers.proxied!, '/api/chat', as({ origin: servers.proxied!.url, 'sec-fetch-site': 'same-origin' }))).status);
  expect(statuses).toEqual([...Array(REQUESTS).fill(400), 429]);
});

const ask = (client: string, text: string, model?: string, server = servers.proxied!, signal?: AbortSignal) =>
  fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ model, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
    signal,
  });

test('only the models the provider lists are sent to it; any other name is a 400 that says which are offered', async () => {
  const marker = uniqueMarker('allowlist');
  const refused = await ask(newClient(), `${marker} expensive`, 'o1-pro');
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({ code: 'model_not_found', error: 'The model "o1-pro" is not offered here. Choose one of: fake-large, fake-small.' });
  const panel = await post(servers.proxied!, '/api/collaborate/run', { 'x-forwarded-for': newClient() }, JSON.stringify({ prompt: `${marker} panel`, model: 'o1-pro' }));
  expect(panel.status).toBe(400);
  expect(await upstreamRequests(marker)).toEqual([]);

  const listed = await ask(newClient(), `${marker} listed [[reply fine]]`, 'fake-large');
  expect(readAnswerWire(await listed.text())).toMatchObject({ text: 'fine', finished: true });
  expect((await upstreamRequests(marker)).map((record) => record.model)).toEqual(['fake-large']);
});

for (const { stall, what, message } of [
  { stall: '[[stall-headers 60000]]', what: 'accepts the call and never sends its headers', message: /did not start answering/ },
  { stall: '[[slow 60000]]', what: 'sends its headers and then nothing', message: /did not start answering/ },
  { stall: '[[hold 3]]', what: 'goes silent mid-answer', message: /mid-answer/ },
]) {
  test(`a provider that ${what} ends the answer with a timeout, calls once, and frees the stream slot`, async () => {
    const client = newClient();
    const marker = uniqueMarker('stall');
    const response = await ask(client, `${marker} ${stall} [[long 10]]`);
    expect(response.status).toBe(200);
    const wire = readAnswerWire(await response.text());
    expect(wire.finished).toBe(false);
    expect(wire.error).toMatch(/timeout/);
    expect(wire.error).toMatch(message);
    // The call was given up, not retried.
    await expect.poll(async () => (await upstreamRequests(marker)).map((record) => record.aborted)).toEqual([true]);
    // The client's only stream slot is free again.
    const next = await ask(client, `${marker} next [[reply ok]]`);
    expect(next.status).toBe(200);
    expect(readAnswerWire(await next.text())).toMatchObject({ text: 'ok', finished: true });
  });
}

test('a method an endpoint does not answer is a 405 with a JSON body and an Allow header', async () => {
  for (const [method, path, allow] of [
    ['GET', '/api/chat', 'POST'],
    ['PUT', '/api/translate', 'POST'],
    ['DELETE', '/api/rooms', 'POST'],
    ['POST', '/api/health', 'GET'],
    ['PATCH', '/api/answers/some-stream-id', 'GET, DELETE'],
  ] as const) {
    const response = await fetch(`${servers.direct!.url}${path}`, { method });
    expect(response.status, `${method} ${path}`).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toMatchObject({ code: 'bad_request', error: expect.stringMatching(/^This endpoint answers /) });
  }
});

test('a burst of answers at once cannot overrun the daily quota: each reserves its cap while it streams', async () => {
  const client = newClient();
  const marker = uniqueMarker('burst');
  const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(client, `${marker} ${i} [[hold 1]] [[long 20]]`, undefined, servers.bounded)));
  const admitted = burst.filter((response) => response.status === 200);
  // Two reservations of 200 fit under 300 (the second found 200 used); the third found 400.
  expect(admitted).toHaveLength(2);
  for (const refused of burst.filter((response) => response.status !== 200)) {
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/quota of 300 is used up/) });
  }
  await releaseHeld(marker);
  for (const response of admitted) expect(readAnswerWire(await response.text()).finished).toBe(true);
  // The two short answers cost far less than they reserved: what is left of the quota serves another.
  await expect.poll(async () => statusOrError(await ask(client, `${marker} after [[reply ok]]`, undefined, servers.bounded))).toBe(200);
});

test('an answer stopped mid-way costs the tokens it streamed', async () => {
  const client = newClient();
  const marker = uniqueMarker('stopped');
  for (const n of [1, 2]) {
    const stop = new AbortController();
    const response = await ask(client, `${marker} ${n} [[long ${ANSWER_CAP}]] [[hold 170]]`, undefined, servers.bounded, stop.signal);
    expect(response.status).toBe(200);
    await wordsStreamed(response, 160);
    stop.abort();
    await expect.poll(async () => (await upstreamRequests(`${marker} ${n}`)).map((record) => record.aborted)).toEqual([true]);
  }
  // Two answers of 160+ tokens each, both stopped before the provider reported usage: the 300 are spent.
  await expect.poll(async () => statusOrError(await ask(client, `${marker} next [[reply ok]]`, undefined, servers.bounded))).toMatch(/quota of 300 is used up/);
});

/** 200 once the answer has been read whole, else the error the server gave. */
async function statusOrError(response: Response): Promise<number | string> {
  if (response.status !== 200) return ((await response.json()) as { error: string }).error;
  await response.text();
  return 200;
}

/** Reads an answer until at least `count` words of its text have arrived. */
async function wordsStreamed(response: Response, count: number): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let body = '';
  const words = () => wordsOf(readAnswerWire(body.slice(0, body.lastIndexOf('\n\n') + 2)).text).length;
  while (words() < count) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the answer ended after ${words()} words`);
    body += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
}

test('rooms are bounded: so many started per client an hour, so many held, so many event streams per client and in all', async () => {
  const [a, b, c] = [newClient(), newClient(), newClient()];
  const share = (client: string) => post(servers.bounded!, '/api/rooms', { 'x-forwarded-for': client }, JSON.stringify({ panels: [{ prompt: 'a shared prompt' }] }));
  const created = [];
  for (let i = 0; i < 3; i++) created.push(await share(a));
  expect(created.map((response) => response.status)).toEqual([201, 201, 201]);
  const fourth = await share(a);
  expect(fourth.status).toBe(429);
  expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await fourth.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/You have shared 3 rooms in the last hour/) });

  // Five rooms is all this server holds: the sixth waits for one to expire, whoever asks.
  expect((await share(b)).status).toBe(201);
  expect((await share(b)).status).toBe(201);
  const full = await share(c);
  expect(full.status).toBe(503);
  expect(await full.json()).toMatchObject({ code: 'unavailable', error: expect.stringMatching(/as many shared rooms as it can/) });

  const { roomId } = (await created[0]!.json()) as { roomId: string };
  const watch = (client: string) => {
    const stop = new AbortController();
    const opened = fetch(`${servers.bounded!.url}/api/rooms/${roomId}/events`, { headers: { 'x-forwarded-for': client }, signal: stop.signal });
    return { opened, stop: () => stop.abort() };
  };
  const firstTwo = [watch(a), watch(a)];
  expect((await Promise.all(firstTwo.map(({ opened }) => opened))).map((response) => response.status)).toEqual([200, 200]);
  const third = await watch(a).opened;
  expect(third.status).toBe(429);
  expect(await third.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/at most 2 per person/) });
  // Two more from someone else fill the server's four; a fifth person is turned away.
  const others = [watch(b), watch(b)];
  expect((await Promise.all(others.map(({ opened }) => opened))).map((response) => response.status)).toEqual([200, 200]);
  const fifth = await watch(c).opened;
  expect(fifth.status).toBe(503);
  expect(await fifth.json()).toMatchObject({ code: 'unavailable', error: expect.stringMatching(/as many room connections as it can/) });

  // Closing a tab gives its connection back.
  firstTwo[0]!.stop();
  await expect.poll(async () => {
    const again = watch(c);
    const status = (await again.opened).status;
    again.stop();
    return status;
  }).toBe(200);
  for (const stream of [...firstTwo, ...others]) stream.stop();
});

test('a body sent only in part gets a 408 with a JSON body, and the server closes the connection', async () => {
  const { hostname, port } = new URL(servers.bounded!.url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (data) => (received += data.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    ['POST /api/chat HTTP/1.1', `Host: ${hostname}:${port}`, 'Content-Type: application/json', 'Content-Length: 500', `X-Forwarded-For: ${newClient()}`, '', '{"messages":'].join('\r\n'),
  );
  // The client never sends the rest; the server gives up on it, says so, and hangs up.
  await closed;
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
  expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4).replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''))).toMatchObject({ code: 'timeout' });
});
