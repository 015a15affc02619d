import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream, type FakeUpstreamRecord } from './server.mjs';

let upstream: FakeUpstream;
let root: string;

beforeAll(async () => {
  // A small pace keeps tests fast while still spreading tokens over time.
  upstream = await startFakeUpstream({ defaultPaceMs: 2 });
  root = upstream.url.replace(/\/v1$/, '');
});

afterAll(async () => {
  await upstream?.close();
});

const client = (opts: { maxRetries?: number } = {}) =>
  new OpenAI({ baseURL: upstream.url, apiKey: 'test-key', maxRetries: opts.maxRetries ?? 0 });

const chat = (content: string, extra: Record<string, unknown> = {}) =>
  fetch(`${upstream.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer raw-key' },
    body: JSON.stringify({ model: 'fake-small', messages: [{ role: 'user', content }], ...extra }),
  });

/** Parses a whole SSE body into its `data:` payloads. */
async function readSse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

const recordsFor = (text: string): FakeUpstreamRecord[] => upstream.log.filter((r) => r.lastUserText === text);

function onlyRecordFor(text: string): FakeUpstreamRecord {
  const records = recordsFor(text);
  expect(records).toHaveLength(1);
  return records[0]!;
}

async function waitFor(predicate: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('answers', () => {
  it('streams "Echo: hello world" in several chunks through the openai SDK', async () => {
    const stream = await client().chat.completions.create({
      model: 'fake-large',
      messages: [{ role: 'user', content: 'hello world' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const pieces = chunks.map((c) => c.choices[0]?.delta.content).filter((c): c is string => !!c);
    expect(pieces).toEqual(['Echo:', ' hello', ' world']);
    expect(pieces.join('')).toBe('Echo: hello world');
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'fake-large')).toBe(true);

    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ completion_tokens: 3 });
    expect(last.usage!.total_tokens).toBe(last.usage!.prompt_tokens + 3);
  });

  it('speaks the raw SSE format and ends with [DONE]', async () => {
    const res = await chat('hello world', { stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const data = await readSse(res);
    expect(data.at(-1)).toBe('[DONE]');
    const parsed = data.slice(0, -1).map((d) => JSON.parse(d));
    // No usage chunk unless stream_options.include_usage asks for it.
    expect(parsed.at(-1).choices[0].finish_reason).toBe('stop');
    expect(parsed.some((p) => 'usage' in p)).toBe(false);
  });

  it('accepts content as an array of text parts', async () => {
    const res = await fetch(`${upstream.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'fake-small',
        messages: [
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'Echo: first question' },
          { role: 'user', content: [{ type: 'text', text: 'hello world' }] },
        ],
      }),
    });
    const json = await res.json();
    expect(json.choices[0].message.content).toBe('Echo: hello world');
  });

  it('answers non-streaming requests with a chat.completion', async () => {
    const completion = await client().chat.completions.create({
      model: 'fake-small',
      messages: [{ role: 'user', content: 'hello world' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.message).toMatchObject({ role: 'assistant', content: 'Echo: hello world' });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    // 'hello world' is 11 characters -> ceil(11 / 4) = 3.
    expect(completion.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const completion = await client().chat.completions.create({
      model: 'fake-small',
      messages: [{ role: 'user', content: 'one two three four five six' }],
      max_completion_tokens: 3,
    });
    expect(completion.choices[0]!.message.content).toBe('Echo: one two');
    expect(completion.choices[0]!.finish_reason).toBe('length');
  });

  it('[[reply]], [[markdown]] and [[long]] shape the answer', async () => {
    const reply = await (await chat('ignored [[reply Exactly  this, please]]')).json();
    expect(reply.choices[0].message.content).toBe('Exactly  this, please');

    const md = (await (await chat('[[markdown]]')).json()).choices[0].message.content as string;
    expect(md).toMatch(/^## /);
    expect(md).toContain('**');
    expect(md).toContain('```ts\n');
    expect(md).toMatch(/^\| .* \|$/m);

    const long = await (await chat('tell me [[long 40]]')).json();
    expect(long.usage.completion_tokens).toBe(3 + 40);
    expect(long.choices[0].message.content).toMatch(/^Echo: tell me \w+/);
    const again = await (await chat('tell me [[long 40]]')).json();
    expect(again.choices[0].message.content).toBe(long.choices[0].message.content);
  });

  it('[[think N]] sends its reasoning in <think> tags and reports no split, as Ollama and vLLM do', async () => {
    const json = await (await chat('ponder [[think 5]]')).json();
    expect(json.choices[0].message.content).toMatch(/^<think>Let me think about what<\/think>\n\nEcho: ponder$/);
    expect(json.usage).not.toHaveProperty('completion_tokens_details');
  });

  it('[[think N hidden]] reasons unseen and reports it in usage as OpenAI’s o-series does', async () => {
    const text = 'ponder unseen [[think 40 hidden]] [[pace 5]]';
    const data = await readSse(await chat(text, { stream: true, stream_options: { include_usage: true } }));
    const parsed = data.slice(0, -1).map((d) => JSON.parse(d));
    const content = parsed.map((p) => p.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Echo: ponder unseen');
    expect(parsed.at(-1).usage).toMatchObject({
      completion_tokens: 40 + 3,
      completion_tokens_details: { reasoning_tokens: 40 },
    });
    // The thinking is waited for before the first token.
    const record = onlyRecordFor(text);
    expect(record.firstTokenAt! - record.startedAt).toBeGreaterThanOrEqual(40 * 5 - 10);

    // Reasoning spends max_completion_tokens first.
    const cut = await (await chat('ponder more [[think 40 hidden]]', { max_completion_tokens: 42 })).json();
    expect(cut.choices[0]).toMatchObject({ message: { content: 'Echo: ponder' }, finish_reason: 'length' });
    expect(cut.usage).toMatchObject({ completion_tokens: 42, completion_tokens_details: { reasoning_tokens: 40 } });
  });

  it('[[slow MS]] delays the first token', async () => {
    const text = 'slow start [[slow 150]]';
    const data = await readSse(await chat(text, { stream: true }));
    expect(data.at(-1)).toBe('[DONE]');
    const record = onlyRecordFor(text);
    expect(record.firstTokenAt! - record.startedAt).toBeGreaterThanOrEqual(140);
  });
});

describe('holds', () => {
  it('[[hold N]] stops after N tokens until released, at each hold in turn', async () => {
    const text = `held-${Math.random()} [[hold 1]] [[hold 3]] [[long 5]]`;
    const response = await chat(text, { stream: true });
    const done = readSse(response);
    await waitFor(() => recordsFor(text)[0]?.held === true, 5_000);
    expect(onlyRecordFor(text).tokensSent).toBe(1);

    const release = () => fetch(`${root}/__release?contains=${encodeURIComponent(text.slice(0, 20))}`, { method: 'POST' });
    expect(await (await release()).json()).toEqual({ released: 1 });
    // Asked at once, before the answer reached its next hold: the release waits for it to get there.
    expect(await (await release()).json()).toEqual({ released: 1 });
    await done;
    expect(onlyRecordFor(text)).toMatchObject({ completed: true, tokensSent: 7, held: false });
  });

  it('a release with nothing held answers 404 after its timeout', async () => {
    const response = await fetch(`${root}/__release?contains=nothing-held-here&timeoutMs=50`, { method: 'POST' });
    expect(response.status).toBe(404);
  });
});

describe('errors', () => {
  it('429 carries retry-after and the OpenAI rate-limit body', async () => {
    const err = await client()
      .chat.completions.create({ model: 'fake-small', messages: [{ role: 'user', content: 'hi [[429]]' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const rate = err as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rate.status).toBe(429);
    expect(rate.headers.get('retry-after')).toBe('1');
    expect(rate.code).toBe('rate_limit_exceeded');

    const res = await chat('hi [[429 retry=7]]');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({
      error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('401, 404 and 500 return OpenAI error bodies', async () => {
    const r401 = await chat('[[401]]');
    expect(r401.status).toBe(401);
    expect((await r401.json()).error).toMatchObject({
      message: 'Incorrect API key provided',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });

    const r404 = await chat('[[404]]');
    expect(r404.status).toBe(404);
    expect((await r404.json()).error).toMatchObject({
      message: 'The model `fake-small` does not exist',
      type: 'invalid_request_error',
      code: 'model_not_found',
    });

    const r500 = await chat('[[500]]');
    expect(r500.status).toBe(500);
    expect((await r500.json()).error).toMatchObject({
      message: 'The server had an error',
      type: 'server_error',
      code: null,
    });

    const err = await client()
      .chat.completions.create({ model: 'fake-small', messages: [{ role: 'user', content: '[[401]]' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('malformed JSON is a 400 invalid_request_error', async () => {
    const res = await fetch(`${upstream.url}/chat/completions`, { method: 'POST', body: '{"model": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ type: 'invalid_request_error', code: null });
  });

  it('[[cut N]] drops the connection after N tokens', async () => {
    const text = 'alpha beta gamma delta epsilon [[cut 3]]';
    const stream = await client().chat.completions.create({
      model: 'fake-small',
      messages: [{ role: 'user', content: text }],
      stream: true,
    });
    const pieces: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) {
        const piece = chunk.choices[0]?.delta.content;
        if (piece) pieces.push(piece);
      }
    };
    await expect(consume()).rejects.toThrow();
    expect(pieces).toEqual(['Echo:', ' alpha', ' beta']);

    const record = onlyRecordFor(text);
    expect(record).toMatchObject({ tokensSent: 3, completed: false, aborted: false, status: 200 });
  });

  it('[[fail-once 500]] fails the first identical request, then succeeds', async () => {
    const text = 'flaky once [[fail-once 500]]';
    const first = await chat(text);
    expect(first.status).toBe(500);
    const second = await chat(text);
    expect(second.status).toBe(200);
    expect((await second.json()).choices[0].message.content).toBe('Echo: flaky once');

    // The SDK's own retry recovers from it without the caller noticing.
    const sdkText = 'flaky for the sdk [[fail-once 500]]';
    const completion = await client({ maxRetries: 1 }).chat.completions.create({
      model: 'fake-small',
      messages: [{ role: 'user', content: sdkText }],
    });
    expect(completion.choices[0]!.message.content).toBe('Echo: flaky for the sdk');
    expect(recordsFor(sdkText).map((r) => r.status)).toEqual([500, 200]);
  });
});

describe('request log', () => {
  it('marks a client abort within a second and stops writing', async () => {
    const text = 'abort me [[long 500]] [[pace 20]]';
    const controller = new AbortController();
    const res = await fetch(`${upstream.url}/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
      body: JSON.stringify({ model: 'fake-small', stream: true, messages: [{ role: 'user', content: text }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    const abortedAt = Date.now();
    controller.abort();

    const record = () => onlyRecordFor(text);
    await waitFor(() => recordsFor(text)[0]?.aborted === true, 1000);
    expect(record().endedAt! - abortedAt).toBeLessThan(1000);
    expect(record().completed).toBe(false);
    const sent = record().tokensSent;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(500);
    // Timers were cleared: nothing more is written after the abort. Another answer at the same pace
    // streaming to its end is the clock: the aborted one would have written five tokens meanwhile.
    const witness = await fetch(`${upstream.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'fake-small', stream: true, messages: [{ role: 'user', content: 'witness [[long 5]] [[pace 20]]' }] }),
    });
    await witness.text();
    expect(record().tokensSent).toBe(sent);
  });

  it('marks an abort by the openai SDK too', async () => {
    const text = 'sdk abort [[long 500]] [[pace 20]]';
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'fake-small', messages: [{ role: 'user', content: text }], stream: true },
      { signal: controller.signal },
    );
    // The SDK ends the iteration quietly on a user abort rather than throwing.
    let seen = 0;
    for await (const _chunk of stream) if (++seen === 3) controller.abort();
    expect(seen).toBeLessThan(10);
    await waitFor(() => recordsFor(text)[0]?.aborted === true, 1000);
  });

  it('records headers, model and timings', async () => {
    const text = 'record me';
    await (await chat(text, { stream: true })).text();
    const record = onlyRecordFor(text);
    expect(record).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      model: 'fake-small',
      status: 200,
      completed: true,
      aborted: false,
      tokensSent: 3,
    });
    expect(record.headers.authorization).toBe('Bearer raw-key');
    expect(record.firstTokenAt).toBeGreaterThanOrEqual(record.startedAt);
    expect(record.endedAt).toBeGreaterThanOrEqual(record.firstTokenAt!);
  });

  it('GET /__log?contains= filters, DELETE /__log clears', async () => {
    await (await chat('needle-7f3a in a haystack')).json();
    await (await chat('just hay')).json();

    const filtered = await (await fetch(`${root}/__log?contains=needle-7f3a`)).json();
    expect(filtered.requests).toHaveLength(1);
    expect(filtered.requests[0].lastUserText).toBe('needle-7f3a in a haystack');

    const all = await (await fetch(`${root}/__log`)).json();
    expect(all.requests.length).toBeGreaterThan(1);

    const del = await fetch(`${root}/__log`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await (await fetch(`${root}/__log`)).json()).requests).toEqual([]);
    expect(upstream.log).toHaveLength(0);
  });
});

describe('control and models', () => {
  it('GET /v1/models lists the two fake models', async () => {
    const models = [];
    for await (const model of client().models.list()) models.push(model);
    expect(models.map((m) => m.id)).toEqual(['fake-small', 'fake-large']);
    expect(models[0]).toMatchObject({ object: 'model', owned_by: 'rill-fake' });
    expect(typeof models[0]?.created).toBe('number');
  });

  it('GET /__health answers ok', async () => {
    const res = await fetch(`${root}/__health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

describe('POST /v1/realtime/client_secrets', () => {
  const mint = (body: unknown, authorization = 'Bearer server-key') =>
    fetch(`${upstream.url}/realtime/client_secrets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });

  it('mints an ephemeral ek_ key for the session it was given, recorded with its body', async () => {
    const res = await mint({ expires_after: { anchor: 'created_at', seconds: 60 }, session: { type: 'realtime', model: 'gpt-realtime', instructions: 'mint-marker' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: string; expires_at: number; session: { id: string; model: string } };
    expect(body.value).toMatch(/^ek_fake_/);
    expect(body.expires_at - Date.now() / 1000).toBeGreaterThan(55);
    expect(body.session).toMatchObject({ model: 'gpt-realtime', object: 'realtime.session' });
    const record = upstream.log.find((r) => r.secret === body.value);
    expect(record?.headers.authorization).toBe('Bearer server-key');
  });

  it('refuses a missing or ephemeral key (401), a body that is not a realtime session (400), and fails on request', async () => {
    expect((await mint({ session: { type: 'realtime' } }, '')).status).toBe(401);
    expect((await mint({ session: { type: 'realtime' } }, 'Bearer ek_fake_x')).status).toBe(401);
    const bad = await mint({ session: { type: 'rill-capability-probe' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    expect((await mint({ session: { type: 'realtime', instructions: 'x [[secret-status 429]]' } })).status).toBe(429);
  });
});
