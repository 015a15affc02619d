import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { bothEnded, useArenaStore } from './arena';
import { fakeFetch } from './fake-fetch';

let server: ReturnType<typeof fakeFetch>;
const store = () => useArenaStore.getState();
const initial = useArenaStore.getState();

beforeEach(() => {
  server = fakeFetch();
  vi.stubGlobal('fetch', server.fetch);
  useArenaStore.setState(initial, true);
});
afterEach(() => vi.unstubAllGlobals());

/** Starts a battle on `prompt` and answers its creation; returns the two answer requests, A's first. */
async function started(prompt = 'Which is better?', created: unknown = { battleId: 'battle-1' }) {
  store().setPrompt(prompt);
  const starting = store().start();
  const create = await server.next();
  expect(create).toMatchObject({ url: '/api/arena/battles', method: 'POST', body: { prompt } });
  await create.respond(201, created);
  await starting;
  return [await server.next(), await server.next()] as const;
}

test('a battle streams both sides at once into their own panes, then offers the vote, whose answer reveals both', async () => {
  const [a, b] = await started();
  expect([a.body, b.body]).toEqual([
    { battleId: 'battle-1', side: 'a' },
    { battleId: 'battle-1', side: 'b' },
  ]);
  await a.text('Echo:', ' left');
  await b.text('Echo: right');
  expect([store().streams.a.text, store().streams.b.text]).toEqual(['Echo: left', 'Echo: right']);
  expect(bothEnded(store().runs)).toBe(false);

  // Not yet: one side is still answering.
  await a.finish({ outputTokens: 2 });
  await store().vote('a');
  expect(server.requests).toHaveLength(3);

  await b.finish({ outputTokens: 2 });
  expect(bothEnded(store().runs)).toBe(true);
  const voting = store().vote('a');
  const vote = await server.next();
  expect(vote).toMatchObject({ url: '/api/arena/battles/battle-1/vote', method: 'POST', body: { choice: 'a' } });
  const reveal = { a: { model: 'm1', name: 'm1' }, b: { model: 'm2', name: 'm2' }, choice: 'a' };
  await vote.respond(200, { reveal });
  await voting;
  expect(store().reveal).toEqual(reveal);
  expect(store().prompt).toBe('Which is better?');
});

test('a battle that cannot start keeps the prompt and says why', async () => {
  store().setPrompt('Keep me');
  const starting = store().start();
  await (await server.next()).respond(429, { error: 'You have started a battle 60 times in the last hour.', code: 'rate_limited', retryAfter: 60 });
  await starting;
  expect(store()).toMatchObject({ prompt: 'Keep me', battle: null, starting: false, notice: { code: 'rate_limited', message: expect.stringMatching(/60 times/) } });
});

test('a refused vote is shown and nothing is revealed', async () => {
  const [a, b] = await started();
  await a.finish();
  await b.finish();
  const voting = store().vote('tie');
  await (await server.next()).respond(409, { error: 'You have already voted on this battle.', code: 'bad_request' });
  await voting;
  expect(store().reveal).toBeNull();
  expect(store().notice?.message).toMatch(/already voted/);
});

test('Stop aborts both answers and keeps what they said; a side that failed can be asked again', async () => {
  const [a, b] = await started();
  await a.text('Half');
  await b.respond(500, { error: 'The model provider is unavailable.', code: 'unavailable' });
  expect(store().runs.b).toMatchObject({ status: 'error', error: { code: 'unavailable' } });
  store().stop();
  await server.settle();
  expect(a.signal.aborted).toBe(true);
  expect(store().runs.a).toMatchObject({ status: 'stopped' });
  expect(store().streams.a.text).toBe('Half');

  store().retry('b');
  const again = await server.next();
  expect(again.body).toEqual({ battleId: 'battle-1', side: 'b' });
  await again.text('Fine now');
  await again.finish();
  expect(store().runs.b).toMatchObject({ status: 'done' });
});

test('a new battle drops the old one: its late tokens land nowhere', async () => {
  const [a] = await started();
  store().newBattle();
  expect(a.signal.aborted).toBe(true);
  expect(store()).toMatchObject({ battle: null, runs: {}, reveal: null });
  expect(store().streams.a.text).toBe('');
});

test('with one model, the battle carries the note that says so', async () => {
  await started('Hi', { battleId: 'battle-2', note: 'The arena needs two models.' });
  expect(store().battle).toEqual({ id: 'battle-2', prompt: 'Hi', note: 'The arena needs two models.' });
});
