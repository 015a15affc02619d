import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyBoard } from '@/lib/collaborate/board';
import { useCollaborateStore } from './collaborate';
import { fakeFetch } from './fake-fetch';

let server: ReturnType<typeof fakeFetch>;
const store = () => useCollaborateStore.getState();

beforeEach(() => {
  server = fakeFetch();
  vi.stubGlobal('fetch', server.fetch);
  useCollaborateStore.setState({
    board: { ...emptyBoard(), panels: ['one', 'two'].map((prompt, index) => ({ id: `p${index + 1}`, prompt })) },
    streams: {},
    runLog: [],
    controllers: {},
    room: null,
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('collaborate store, run log', () => {
  it('logs each local run once it is done, under the model that answered; a stopped run is not logged', async () => {
    store().run('p1');
    const first = await server.next();
    await first.text('Echo:', ' one');
    expect(store().runLog).toEqual([]);
    await first.finish({ outputTokens: 2, model: 'fake-large' });
    expect(store().runLog).toEqual([expect.objectContaining({ runId: store().board.panels[0]!.run!.id, model: 'fake-large', ttftMs: expect.any(Number) })]);

    store().run('p2');
    await (await server.next()).text('Half');
    store().stop('p2');
    await server.settle();
    store().run('p1');
    await (await server.next()).finish({ outputTokens: 0, model: 'fake-large' });
    expect(store().runLog.map((record) => record.model)).toEqual(['fake-large', 'fake-large']);
  });

  it('logs a run that a room’s board brings already done', () => {
    const run = { id: 'room-run', status: 'done' as const, startedAt: 0, endedAt: 900, metadata: { model: 'fake-small', outputTokens: 5 } };
    useCollaborateStore.setState({
      board: { ...emptyBoard(), panels: [{ id: 'p1', prompt: 'one', run }] },
      streams: { 'room-run': { text: 'a b c d e', chunks: 5, firstTokenAt: 100, lastTokenAt: 500 } },
    });
    expect(store().runLog).toEqual([{ runId: 'room-run', model: 'fake-small', ttftMs: 100, tokensPerSecond: 10 }]);
  });
});
