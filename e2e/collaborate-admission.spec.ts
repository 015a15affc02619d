import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from './ports';
import { startAppServer, type AppServer } from './support/app-server';
import { chatRequestBody } from './support/chat-request';
import { releaseHeld, uniqueMarker, upstreamRequests } from './support/upstream';

// A room's runs are model calls like any other: they take the stream slots, the request budget and
// the daily quota of the client that pressed Run. One server with low limits; each test speaks from
// an address of its own, so they do not share budgets.
const STREAMS = 2;
const REQUESTS = 12;
const QUOTA = 400;
// Each answer reserves its cap against the quota while it streams: two at once fit.
const ANSWER_CAP = QUOTA / 2;

let app: AppServer;
let nextAddress = 1;
const newClient = () => `198.19.0.${nextAddress++}`;

test.describe.configure({ mode: 'default', timeout: 60_000 });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await startAppServer({
    OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`,
    OPENAI_API_KEY: 'sk-test-room-admission',
    OPENAI_MODEL: 'fake-small',
    RILL_MAX_CONCURRENT_STREAMS: String(STREAMS),
    RILL_RATE_LIMIT_REQUESTS: String(REQUESTS),
    RILL_DAILY_TOKEN_QUOTA: String(QUOTA),
    RILL_MAX_OUTPUT_TOKENS: String(ANSWER_CAP),
    // The tests stand in for one trusted proxy: each x-forwarded-for they send is a client of its own.
    RILL_TRUSTED_PROXY_HOPS: '1',
  });
});
test.afterAll(() => app?.stop());

const post = (client: string, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify(body) });

interface Snapshot {
  board: { panels: { id: string; run?: { status: string } }[] };
}

/** The room as its event stream's first message tells it (reading it costs no request budget). */
async function snapshotOf(roomId: string): Promise<Snapshot> {
  const events = await fetch(`${app.url}/api/rooms/${roomId}/events`);
  const reader = events.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  await reader.cancel().catch(() => undefined);
  return JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as Snapshot;
}

/** How each panel's latest run stands: a run's slot and tokens are settled before it shows as ended. */
const runStatuses = async (roomId: string) => (await snapshotOf(roomId)).board.panels.map((panel) => panel.run?.status);

async function roomWith(client: string, prompts: string[]) {
  const response = await post(client, '/api/rooms', { panels: prompts.map((prompt) => ({ prompt })) });
  expect(response.status).toBe(201);
  const { roomId } = (await response.json()) as { roomId: string };
  return { roomId, panelIds: (await snapshotOf(roomId)).board.panels.map((panel) => panel.id) };
}

const command = (client: string, roomId: string, body: unknown) => post(client, `/api/rooms/${roomId}/commands`, body);

test('a client holds no more model calls through rooms than through /api/chat', async () => {
  const client = newClient();
  const marker = uniqueMarker('roomslots');
  const { roomId, panelIds } = await roomWith(client, [1, 2, 3].map((n) => `${marker} ${n} [[hold 1]] [[long 5]]`));

  // Three runs at once would be three streams: refused whole, with the same message as a third chat.
  const tooMany = await command(client, roomId, { action: 'run', panelIds });
  expect(tooMany.status).toBe(429);
  expect(await tooMany.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/at most 2 may stream together/) });

  expect((await command(client, roomId, { action: 'run', panelIds: panelIds.slice(0, 2) })).status).toBe(200);
  await expect.poll(async () => (await upstreamRequests(marker)).filter((record) => record.held).length).toBe(2);
  // The room's two runs hold both of this client's slots: a chat answer has to wait for one.
  const chat = await post(client, '/api/chat', chatRequestBody(`${marker} chat`));
  expect(chat.status).toBe(429);
  expect(await chat.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/at once/) });
  // Another client is not affected.
  expect((await post(newClient(), '/api/chat', chatRequestBody(`${marker} other`))).status).toBe(200);

  await releaseHeld(marker);
  await expect.poll(() => runStatuses(roomId)).toEqual(['done', 'done', undefined]);
  // The runs ended and gave their slots back.
  expect((await post(client, '/api/chat', chatRequestBody(`${marker} after`))).status).toBe(200);
});

test('a run/stop loop in a room is rate-limited like any requests', async () => {
  const client = newClient();
  const marker = uniqueMarker('roomloop');
  const { roomId, panelIds } = await roomWith(client, [`${marker} [[long 2]]`]);
  const statuses: number[] = [];
  // One request made the room; the rest of the budget goes on Run and Stop, then one more is refused.
  for (let i = 0; i < REQUESTS; i++) {
    const response = await command(client, roomId, { action: i % 2 ? 'stop' : 'run', panelIds });
    statuses.push(response.status);
    if (response.status === 429) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/Too many requests/) });
    } else if (i % 2 === 0) {
      // Each run ends before the next starts, so only the request budget can refuse one.
      await expect.poll(async () => (await runStatuses(roomId))[0]).toBe('done');
    }
  }
  expect(statuses).toEqual([...Array(REQUESTS - 1).fill(200), 429]);
  expect(await upstreamRequests(marker)).toHaveLength(Math.ceil((REQUESTS - 1) / 2));
});

test('a room’s runs count against the daily quota of the client that pressed Run, shared with its chats', async () => {
  const client = newClient();
  const marker = uniqueMarker('roomquota');
  const { roomId, panelIds } = await roomWith(client, [`${marker} 1 [[long ${QUOTA}]]`, `${marker} 2 [[long ${QUOTA}]]`, `${marker} third`]);
  expect((await command(client, roomId, { action: 'run', panelIds: panelIds.slice(0, 2) })).status).toBe(200);
  await expect.poll(async () => (await runStatuses(roomId)).slice(0, 2)).toEqual(['done', 'done']);

  // The two runs, each as long as an answer may be, used the quota up: the next run, and this client's next chat, are refused.
  const second = await command(client, roomId, { action: 'run', panelIds: [panelIds[2]] });
  expect(second.status).toBe(429);
  expect(await second.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/quota/) });
  const chat = await post(client, '/api/chat', chatRequestBody(`${marker} chat`));
  expect(chat.status).toBe(429);
  expect(await chat.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/quota/) });
  expect((await upstreamRequests(marker)).length).toBe(2);
});

/** A battle of the client's, and a way to ask for its sides as its owner (the guest cookie the battle set). */
async function battleOf(client: string, prompt: string) {
  const created = await post(client, '/api/arena/battles', { prompt });
  expect(created.status).toBe(201);
  const { battleId } = (await created.json()) as { battleId: string };
  const cookie = created.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const answer = (side: 'a' | 'b') =>
    fetch(`${app.url}/api/arena/answers`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client, cookie }, body: JSON.stringify({ battleId, side }) });
  return { answer };
}

test('an arena battle’s answers take the same stream slots and quota as any model call', async () => {
  const client = newClient();
  const marker = uniqueMarker('arenaslots');
  const battle = await battleOf(client, `${marker} [[hold 1]] [[long 5]]`);
  const [a, b] = await Promise.all([battle.answer('a'), battle.answer('b')]);
  expect([a.status, b.status]).toEqual([200, 200]);
  await expect.poll(async () => (await upstreamRequests(marker)).filter((record) => record.held).length).toBe(2);

  // Both sides hold this client's two slots: a third answer, of the arena or of the chat, is refused.
  const third = await battle.answer('a');
  expect(third.status).toBe(429);
  expect(await third.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/at once/) });
  expect((await post(client, '/api/chat', chatRequestBody(`${marker} chat`))).status).toBe(429);

  await releaseHeld(marker);
  await Promise.all([a.text(), b.text()]);
  // Both answers went upstream, and the refused one never did.
  expect(await upstreamRequests(marker)).toHaveLength(2);

  // Answers as long as one may be, for a client with its quota whole: the two that fit use it up, and the next is refused.
  const long = await battleOf(newClient(), `${marker} long [[long ${QUOTA}]]`);
  await Promise.all((await Promise.all([long.answer('a'), long.answer('b')])).map((response) => response.text()));
  const over = await long.answer('a');
  expect(over.status).toBe(429);
  expect(await over.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/quota/) });
});
