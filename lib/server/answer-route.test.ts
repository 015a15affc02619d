import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { readConfig, type PipelineConfig } from '@/lib/config';
import { answerRoute } from './answer-route';
import { resumeAnswerRoute, stopAnswerRoute } from './resume-route';
import { createPipelineServices, type PipelineServices } from './pipeline-services';
import { requestEvents, type RequestSummary } from './request-events';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { startRedisServer, type RedisServer } from '@/e2e/support/redis-server';

const schema = z.object({ prompt: z.string(), temperature: z.number().optional(), fail: z.boolean().optional() });
type Input = z.infer<typeof schema>;

/** A stand-in model: answers "Echo: <prompt>" a word at a time, each word released when the test says so (or at once). */
function fakeModel() {
  const calls: { input: Input; signal: AbortSignal }[] = [];
  let gate = Promise.resolve();
  let open = () => undefined as void;
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
    answer(input: Input, { signal }: { signal: AbortSignal }): ReadableStream<AnswerChunk> {
      calls.push({ input, signal });
      const words = `Echo: ${input.prompt}`.split(' ');
      let step = 0;
      return new ReadableStream<AnswerChunk>({
        async pull(controller) {
          if (step === 0) controller.enqueue({ type: 'start', messageMetadata: { model: 'fake' } });
          if (step === 0) controller.enqueue({ type: 'text-start', id: 't' });
          if (step > 0) await Promise.race([gate, new Promise((resolve) => signal.addEventListener('abort', resolve))]);
          if (signal.aborted) {
            controller.enqueue({ type: 'abort' });
            return controller.close();
          }
          if (step < words.length) {
            controller.enqueue({ type: 'text-delta', id: 't', delta: (step ? ' ' : '') + words[step] });
            step++;
            return;
          }
          if (input.fail) controller.enqueue({ type: 'error', errorText: JSON.stringify({ code: 'unavailable', message: 'down' }) });
          else {
            controller.enqueue({ type: 'text-end', id: 't' });
            controller.enqueue({ type: 'finish', messageMetadata: { model: 'fake', inputTokens: 5, outputTokens: 7 } });
          }
          controller.close();
        },
      });
    },
  };
}

let nextClient = 1;
function post(body: unknown, headers: Record<string, string> = {}, client = `10.0.0.${nextClient++}`) {
  return new Request('http://rill.test/api/test', {
    method: 'POST',
    // As the server stamps it (stamp-client-address.ts) from the connection.
    headers: { 'content-type': 'application/json', 'x-rill-client-address': client, ...headers },
    body: JSON.stringify(body),
  });
}

async function textOf(response: Response) {
  const body = await response.text();
  const chunks = body
    .split('\n\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)) as AnswerChunk);
  const text = chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');
  const finish = chunks.find((chunk) => chunk.type === 'finish');
  return { text, chunks, metadata: finish?.type === 'finish' ? finish.messageMetadata : undefined, done: body.includes('data: [DONE]') };
}

function recordSummaries() {
  const summaries: RequestSummary[] = [];
  const stop = requestEvents.subscribe((event) => {
    if (event.type === 'request-end') summaries.push(event.summary);
  });
  return { summaries, stop };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 800 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe.each([{ store: 'memory' }, { store: 'redis' }])('answer pipeline ($store)', ({ store }) => {
  let redisServer: RedisServer | undefined;
  const connections: Redis[] = [];

  beforeAll(async () => {
    if (store === 'redis') redisServer = await startRedisServer();
  });
  afterAll(async () => {
    // Runs abandoned by the last tests still tidy up in Redis (stream sentinels, claims): let them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(connections.map((connection) => connection.quit().catch(() => undefined)));
    await redisServer?.stop();
  });

  function setup(overrides: Partial<PipelineConfig> = {}, namespace = `test-${Math.random()}`) {
    const config = { ...readConfig({}).pipeline, resumeGraceMs: 200, ...overrides };
    let redis: { commands: Redis; subscriptions: Redis } | null = null;
    if (redisServer) {
      redis = { commands: new Redis(redisServer.url), subscriptions: new Redis(redisServer.url) };
      connections.push(redis.commands, redis.subscriptions);
    }
    const services: PipelineServices = createPipelineServices(config, redis, namespace);
    const model = fakeModel();
    const POST = answerRoute({ route: 'test', schema, answer: model.answer, cacheKey: (input) => (input.temperature === 0 ? input.prompt : undefined) }, () => services);
    const params = (streamId: string) => ({ params: Promise.resolve({ streamId }) });
    const GET = resumeAnswerRoute(() => services);
    const DELETE = stopAnswerRoute(() => services);
    const as = (client: string) => ({ headers: { 'x-rill-client-address': client } });
    return {
      model,
      POST,
      resume: (id: string, client: string) => GET(new Request(`http://rill.test/api/answers/${id}`, as(client)), params(id)),
      stop: (id: string, client: string) => DELETE(new Request('http://rill.test', { method: 'DELETE', ...as(client) }), params(id)),
    };
  }

  test('a repeated temperature-0 request is served from the cache, marked cached, without a model call', async () => {
    const { model, POST } = setup();
    const events = recordSummaries();
    const first = await textOf(await POST(post({ prompt: 'same question', temperature: 0 })));
    const second = await textOf(await POST(post({ prompt: 'same question', temperature: 0 })));
    events.stop();
    expect(model.calls).toHaveLength(1);
    expect(second.text).toBe('Echo: same question');
    expect(second.text).toBe(first.text);
    expect(second.done).toBe(true);
    expect(second.metadata).toMatchObject({ cached: true, model: 'fake' });
    expect(first.metadata?.cached).toBeUndefined();
    expect(events.summaries.map((summary) => summary.source)).toEqual(['upstream', 'cache']);
  });

  test('an answer at temperature above 0, a failed one, or one asked fresh is not served from the cache', async () => {
    const { model, POST } = setup();
    await textOf(await POST(post({ prompt: 'warm', temperature: 1 })));
    await textOf(await POST(post({ prompt: 'warm', temperature: 1 })));
    const failed = await textOf(await POST(post({ prompt: 'flaky', temperature: 0, fail: true })));
    expect(failed.chunks.some((chunk) => chunk.type === 'error')).toBe(true);
    await textOf(await POST(post({ prompt: 'flaky', temperature: 0 })));
    await textOf(await POST(post({ prompt: 'flaky', temperature: 0 }, { 'cache-control': 'no-cache' })));
    expect(model.calls.map((call) => call.input.prompt)).toEqual(['warm', 'warm', 'flaky', 'flaky', 'flaky']);
  });

  test('an answer the client abandoned is not cached', async () => {
    const { model, POST } = setup();
    model.hold();
    const response = await POST(post({ prompt: 'left early', temperature: 0 }));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await until(() => model.calls[0]!.signal.aborted);
    model.release();
    await textOf(await POST(post({ prompt: 'left early', temperature: 0 })));
    expect(model.calls).toHaveLength(2);
  });

  test('10 identical concurrent requests make one model call and all get the whole answer', async () => {
    const { model, POST } = setup();
    const events = recordSummaries();
    model.hold();
    const responses = await Promise.all(Array.from({ length: 10 }, () => POST(post({ prompt: 'ten at once', temperature: 0 }))));
    model.release();
    const answers = await Promise.all(responses.map(textOf));
    events.stop();
    expect(model.calls).toHaveLength(1);
    expect(answers.map((answer) => answer.text)).toEqual(Array(10).fill('Echo: ten at once'));
    expect(events.summaries.filter((summary) => summary.source === 'coalesced')).toHaveLength(9);
  });

  test('one client leaving does not stop the others; all leaving aborts the model call', async () => {
    const { model, POST } = setup();
    model.hold();
    const [leaver, stayer] = await Promise.all([POST(post({ prompt: 'shared', temperature: 0 })), POST(post({ prompt: 'shared', temperature: 0 }))]);
    await leaver.body!.cancel();
    expect(model.calls[0]!.signal.aborted).toBe(false);
    model.release();
    expect((await textOf(stayer)).text).toBe('Echo: shared');

    model.hold();
    const all = await Promise.all([1, 2, 3].map(() => POST(post({ prompt: 'everyone leaves', temperature: 0 }))));
    await Promise.all(all.map((response) => response.body!.cancel()));
    expect(model.calls).toHaveLength(2);
    await until(() => model.calls[1]!.signal.aborted);
  });

  test('the first request past the budget gets 429 with retry-after, reported as rate limited', async () => {
    const { POST } = setup({ rateLimitRequests: 3, rateLimitWindowSeconds: 60 });
    const events = recordSummaries();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await POST(post({ prompt: `n${i}` }, {}, '203.0.113.7'));
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await response.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/Too many requests/), retryAfter: expect.any(Number) });
      } else await response.text();
    }
    // Another address has its own budget.
    expect((await POST(post({ prompt: 'other' }, {}, '203.0.113.8'))).status).toBe(200);
    events.stop();
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(events.summaries.find((summary) => summary.status === 429)).toMatchObject({ rateLimited: 'requests', errorCode: 'rate_limited' });
  });

  test('a client may stream only so many answers at once; a slot frees when one ends', async () => {
    const { model, POST } = setup({ maxConcurrentStreams: 2 });
    model.hold();
    const open = [await POST(post({ prompt: 'a' }, {}, '198.51.100.1')), await POST(post({ prompt: 'b' }, {}, '198.51.100.1'))];
    const third = await POST(post({ prompt: 'c' }, {}, '198.51.100.1'));
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/at once/) });
    model.release();
    await Promise.all(open.map(textOf));
    expect((await POST(post({ prompt: 'd' }, {}, '198.51.100.1'))).status).toBe(200);
  });

  test('a refused answer does not cost the client a slot: once one ends, the next is let in', async () => {
    const { model, POST } = setup({ maxConcurrentStreams: 2 });
    model.hold();
    const open = [await POST(post({ prompt: 'one' }, {}, '198.51.100.2')), await POST(post({ prompt: 'two' }, {}, '198.51.100.2'))];
    for (let i = 0; i < 3; i++) expect((await POST(post({ prompt: `refused ${i}` }, {}, '198.51.100.2'))).status).toBe(429);
    await open[0]!.body!.cancel();
    await until(() => model.calls[0]!.signal.aborted);
    expect((await POST(post({ prompt: 'three' }, {}, '198.51.100.2'))).status).toBe(200);
    model.release();
  });

  test('a daily token quota refuses the next answer once it is used up', async () => {
    const { POST } = setup({ dailyTokenQuota: 10 });
    await textOf(await POST(post({ prompt: 'spend' }, {}, '192.0.2.9')));
    const refused = await POST(post({ prompt: 'more' }, {}, '192.0.2.9'));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/quota/) });
  });

  test('a resumable answer outlives its reader: a reload gets it from the start, live to the end', async () => {
    const { model, POST, resume } = setup({ resumeGraceMs: 5_000 });
    model.hold();
    const streamId = `reload-${Math.random().toString(36).slice(2)}`;
    const client = '10.1.0.1';
    const first = await POST(post({ prompt: 'keep going please' }, { 'x-rill-stream-id': streamId }, client));
    expect(first.headers.get('x-rill-stream-id')).toBe(streamId);
    const reader = first.body!.getReader();
    await reader.read();
    await reader.cancel();
    const resumed = await resume(streamId, client);
    expect(resumed.status).toBe(200);
    expect(model.calls[0]!.signal.aborted).toBe(false);
    model.release();
    const answer = await textOf(resumed);
    expect(answer.text).toBe('Echo: keep going please');
    expect(answer.done).toBe(true);
    // Just after the end a reload still gets the whole answer; an unknown id gets 204.
    expect((await textOf(await resume(streamId, client))).text).toBe('Echo: keep going please');
    expect((await resume('never-was-an-answer', client)).status).toBe(204);
  });

  test("a stream id is the client's own: another client that knows it can neither read nor stop the answer", async () => {
    const { model, POST, resume, stop } = setup({ resumeGraceMs: 5_000 });
    model.hold();
    const streamId = `mine-${Math.random().toString(36).slice(2)}`;
    const [owner, other] = ['10.1.0.2', '10.1.0.3'];
    const first = await POST(post({ prompt: 'private answer' }, { 'x-rill-stream-id': streamId }, owner));
    await first.body!.cancel();
    expect((await resume(streamId, other)).status).toBe(204);
    expect((await stop(streamId, other)).status).toBe(204);
    expect(model.calls[0]!.signal.aborted).toBe(false);
    // The same id is free for the other client, as a different answer.
    const theirs = await POST(post({ prompt: 'their answer' }, { 'x-rill-stream-id': streamId }, other));
    expect(theirs.status).toBe(200);
    const resumed = await resume(streamId, owner);
    expect(resumed.status).toBe(200);
    model.release();
    expect((await textOf(resumed)).text).toBe('Echo: private answer');
    expect((await textOf(theirs)).text).toBe('Echo: their answer');
  });

  test('a resumable answer no one comes back for is aborted after the grace period; Stop aborts it at once', async () => {
    const { model, POST, stop } = setup({ resumeGraceMs: 100 });
    model.hold();
    const abandoned = await POST(post({ prompt: 'abandoned' }, { 'x-rill-stream-id': `gone-${Math.random().toString(36).slice(2)}` }));
    await abandoned.body!.cancel();
    expect(model.calls[0]!.signal.aborted).toBe(false);
    await until(() => model.calls[0]!.signal.aborted);

    const stopped = `stop-${Math.random().toString(36).slice(2)}`;
    const response = await POST(post({ prompt: 'stopped' }, { 'x-rill-stream-id': stopped }, '10.1.0.4'));
    expect((await stop(stopped, '10.1.0.4')).status).toBe(204);
    await response.body!.cancel();
    await until(() => model.calls[1]!.signal.aborted);
  });

  test('a reused or malformed stream id is refused', async () => {
    const { POST } = setup();
    const streamId = `twice-${Math.random().toString(36).slice(2)}`;
    await textOf(await POST(post({ prompt: 'one' }, { 'x-rill-stream-id': streamId }, '10.1.0.5')));
    expect((await POST(post({ prompt: 'two' }, { 'x-rill-stream-id': streamId }, '10.1.0.5'))).status).toBe(409);
    expect((await POST(post({ prompt: 'three' }, { 'x-rill-stream-id': '../../etc' }))).status).toBe(400);
  });

  if (store === 'redis') test('identical requests on two instances sharing Redis make one model call; all leaving aborts it', async () => {
    const namespace = `pair-${Math.random()}`;
    const [a, b] = [setup({}, namespace), setup({}, namespace)];
    a.model.hold();
    b.model.hold();
    const firstA = await a.POST(post({ prompt: 'across instances', temperature: 0 }));
    const rest = await Promise.all([
      ...[1, 2, 3, 4].map(() => a.POST(post({ prompt: 'across instances', temperature: 0 }))),
      ...[1, 2, 3, 4, 5].map(() => b.POST(post({ prompt: 'across instances', temperature: 0 }))),
    ]);
    a.model.release();
    const answers = await Promise.all([firstA, ...rest].map(textOf));
    expect(a.model.calls.length + b.model.calls.length).toBe(1);
    expect(answers.map((answer) => answer.text)).toEqual(Array(10).fill('Echo: across instances'));

    a.model.hold();
    const leaderResponse = await a.POST(post({ prompt: 'all leave', temperature: 0 }));
    const followerResponse = await b.POST(post({ prompt: 'all leave', temperature: 0 }));
    const leaderCall = a.model.calls.at(-1)!;
    expect(b.model.calls).toHaveLength(0);
    await leaderResponse.body!.cancel();
    // The reader on the other instance keeps the call going...
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(leaderCall.signal.aborted).toBe(false);
    // ...until it leaves too.
    await followerResponse.body!.cancel();
    await until(() => leaderCall.signal.aborted);
  }, 20_000);
});

test('a failure nobody foresaw is a 500 with a JSON body, never an empty one', async () => {
  const broken = { ...createPipelineServices(readConfig({}).pipeline, null, 'broken') };
  broken.limits = { admitRequest: () => Promise.reject(new Error('the limiter broke')), admitStream: () => Promise.reject(new Error('unused')) };
  const POST = answerRoute({ route: 'test', schema, answer: fakeModel().answer }, () => broken);
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const response = await POST(post({ prompt: 'hello' }));
  quiet.mockRestore();
  expect(response.status).toBe(500);
  expect(await response.json()).toEqual({ code: 'unknown', error: 'Something went wrong on the server. Try again.' });
});
