import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyBoard } from '@/lib/collaborate/board';
import { useCollaborateStore } from './collaborate';
import { fakeFetch } from './fake-fetch';

let server: ReturnType<typeof fakeFetch>;
const store = () => useCollaborateStore.getState();
const panel = (n: number) => store().board.panels[n - 1]!;
const textOf = (n: number) => store().streams[panel(n).run!.id]?.text;

beforeEach(() => {
  server = fakeFetch();
  vi.stubGlobal('fetch', server.fetch);
  useCollaborateStore.setState({
    board: { ...emptyBoard(), panels: ['one', 'two', 'three'].map((prompt, index) => ({ id: `p${index + 1}`, prompt })) },
    streams: {},
    controllers: {},
    room: null,
    notice: null,
    sharing: false,
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('collaborate store, on one page', () => {
  it('run streams a panel’s answer into its own run, then records how it ended', async () => {
    store().editPanel('p1', { model: 'fake-large', temperature: 0.5 });
    store().run('p1');
    const request = await server.next();
    expect(request).toMatchObject({ url: '/api/collaborate/run', method: 'POST', body: { prompt: 'one', model: 'fake-large', temperature: 0.5 } });
    expect(panel(1).run).toMatchObject({ status: 'streaming' });
    await request.text('Echo:', ' one');
    expect(textOf(1)).toBe('Echo: one');
    expect(store().streams[panel(1).run!.id]).toMatchObject({ chunks: 2, firstTokenAt: expect.any(Number) });
    await request.finish({ outputTokens: 2, model: 'fake-large' });
    expect(panel(1).run).toMatchObject({ status: 'done', metadata: { outputTokens: 2, model: 'fake-large' }, endedAt: expect.any(Number) });
    expect(store().controllers).toEqual({});
  });

  it('Run all starts every panel at once; Stop all aborts each and keeps what each had', async () => {
    store().runAll();
    const requests = [await server.next(), await server.next(), await server.next()];
    expect(requests.map((request) => (request.body as { prompt: string }).prompt)).toEqual(['one', 'two', 'three']);
    for (const request of requests) await request.text('Half');
    store().stopAll();
    await server.settle();
    expect(requests.every((request) => request.signal.aborted)).toBe(true);
    expect(store().board.panels.map((candidate) => [candidate.run?.status, store().streams[candidate.run!.id]?.text])).toEqual([
      ['stopped', 'Half'],
      ['stopped', 'Half'],
      ['stopped', 'Half'],
    ]);
  });

  it('a failure stays in its panel, with its code; the others go on', async () => {
    store().runAll();
    const [first, second, third] = [await server.next(), await server.next(), await server.next()];
    await second.respond(500, { error: 'The model provider is unavailable (HTTP 500).', code: 'unavailable' });
    await third.text('Cut');
    await third.cut();
    await first.text('Fine');
    await first.finish();
    expect(store().board.panels.map((candidate) => candidate.run?.status)).toEqual(['done', 'error', 'error']);
    expect(panel(2).run?.error?.code).toBe('unavailable');
    expect(panel(3).run?.error?.code).toBe('interrupted');
    expect(textOf(3)).toBe('Cut');
  });

  it('a panel without a prompt is not run, and says why', async () => {
    store().editPanel('p2', { prompt: '   ' });
    store().run('p2');
    await server.settle();
    expect(server.requests).toHaveLength(0);
    expect(store().notice).toMatchObject({ code: 'bad_request', message: 'Write a prompt first.' });
  });

  it('Share sends the board and returns the room’s id; a refusal becomes the notice', async () => {
    const shared = store().share();
    const request = await server.next();
    expect(request).toMatchObject({ url: '/api/rooms', method: 'POST', body: { mode: 'separate', panels: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three' }] } });
    await request.respond(201, { roomId: 'room-1234567890123456789012' });
    expect(await shared).toBe('room-1234567890123456789012');

    const refused = store().share();
    await (await server.next()).respond(429, { error: 'Too many rooms', code: 'rate_limited', retryAfter: 30 });
    expect(await refused).toBeNull();
    expect(store().notice).toMatchObject({ code: 'rate_limited', retryAfter: 30 });
  });
});

describe('collaborate store, in a room', () => {
  it('Run sends the typing not yet sent first, then the run command with who ran it, and nothing runs here', async () => {
    const ada = { id: 1, name: 'Ada' };
    useCollaborateStore.setState({ room: { id: 'room-1234567890123456789012', status: { kind: 'live' }, people: [ada, { id: 2, name: 'Guest 2' }], you: ada } });
    store().editPanel('p1', { prompt: 'edited' });
    store().run('p1');
    const edit = await server.next();
    expect(edit).toMatchObject({ url: '/api/rooms/room-1234567890123456789012/commands', body: { action: 'update-panel', panelId: 'p1', patch: { prompt: 'edited' } } });
    await edit.respond(200, { ok: true });
    const run = await server.next();
    expect(run.body).toMatchObject({ action: 'run', panelIds: ['p1'], who: 'Ada' });
    await run.respond(200, { ok: true, started: [] });
    expect(server.requests.map((request) => request.url)).not.toContain('/api/collaborate/run');
  });
});
