import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '@/e2e/fake-upstream/server.mjs';
import { newBoard } from '../board';
import { createMemoryRoomStore } from './memory-room-store';
import { commandChange, type StartedRun } from '../room-commands';
import { openRoomEventStream } from './room-event-stream';
import { roomMessageSchema, type RoomSnapshot } from '../room-events';
import type { RoomStore } from './room-store';
import { runInRoom } from './room-runner';
import { applyRoomMessage, type RoomView } from '../room-view';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream({ defaultPaceMs: 2 });
  process.env.OPENAI_BASE_URL = upstream.url;
  process.env.OPENAI_API_KEY = 'test-key';
  process.env.OPENAI_MODEL = 'fake-small';
});
afterAll(async () => {
  await upstream?.close();
});

const ids = { newId: () => crypto.randomUUID(), now: Date.now };
const charged: number[] = [];
/** Like a real admission, only its first settlement counts. */
function newAccount() {
  let settled = false;
  const settle = async (tokens: number) => {
    if (!settled) charged.push(tokens);
    settled = true;
  };
  return { clientHash: 'client-under-test', admission: { release: () => undefined, settle } };
}

async function roomRunning(prompt: string, model?: string) {
  const store = createMemoryRoomStore({ idleMs: 60_000, presenceTimeoutMs: 60_000, maxRooms: 10 });
  const roomId = 'room-under-test-0000000';
  await store.create(roomId, newBoard([{ id: 'p1', settings: { prompt, ...(model ? { model } : {}) } }]));
  const started: StartedRun[] = [];
  await store.change(roomId, commandChange({ action: 'run', panelIds: ['p1'] }, ids, started));
  const finished = runInRoom(store, { roomId, ...started[0]! }, { maxRunMs: 60_000, account: newAccount() });
  return { store, roomId, finished };
}

/** Reads a browser's event stream into a room view until `done` holds. */
async function watch(stream: ReadableStream<Uint8Array>, done: (view: RoomView) => boolean): Promise<{ first: RoomView; last: RoomView }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let view: RoomView | null = null;
  let first: RoomView | undefined;
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) throw new Error('stream ended early');
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop()!;
    for (const block of blocks.filter((b) => b.startsWith('data: '))) {
      const next = applyRoomMessage(view, roomMessageSchema.parse(JSON.parse(block.slice(6))));
      if (next === 'resync') throw new Error('missed an event');
      view = next;
      first ??= next;
      if (done(view)) {
        await reader.cancel();
        return { first, last: view };
      }
    }
  }
}

const runStatus = (view: RoomView) => view.board.panels[0]?.run?.status;
const runText = (view: RoomView) => view.streams[view.board.panels[0]!.run!.id]?.text ?? '';

describe('a run in a room', () => {
  it('reaches a late joiner whole: the text so far in the snapshot, then the rest live', async () => {
    const { store, roomId, finished } = await roomRunning('late joiner [[pace 15]] [[long 40]]');
    await someTextStreamed(store, roomId);
    const opened = await openRoomEventStream(store, roomId, { participantId: 'carol', name: 'Carol', maxParticipants: 5, heartbeatMs: 60_000, signal: new AbortController().signal });
    if (!opened.ok) throw new Error(opened.error);
    const { first, last } = await watch(opened.stream, (view) => runStatus(view) === 'done');
    await finished;

    expect(runStatus(first)).toBe('streaming');
    expect(runText(first)).toMatch(/^Echo: late joiner/);
    expect(runText(last)).toBe(runTextOf(await store.snapshot(roomId)));
    expect(runText(last).split(' ').length).toBeGreaterThan(40);
    expect(last.board.panels[0]?.run?.metadata?.outputTokens).toBeGreaterThan(40);
    // The tokens are charged to the client that pressed Run.
    expect(charged.at(-1)).toBeGreaterThan(40);
  });

  it('a stop from anyone cancels the model call', async () => {
    const { store, roomId, finished } = await roomRunning('stop me [[pace 20]] [[long 1000]]');
    await someTextStreamed(store, roomId);
    await store.change(roomId, commandChange({ action: 'stop', panelIds: ['p1'] }, ids));
    await finished;

    const record = upstream.log.find((entry) => entry.lastUserText.startsWith('stop me'));
    await expect.poll(() => record?.aborted).toBe(true);
    expect(record?.tokensSent).toBeLessThan(1000);
    expect((await store.snapshot(roomId))?.board.panels[0]?.run?.status).toBe('stopped');
    // What streamed before the stop is charged, counted, though the provider never reported usage.
    expect(charged.at(-1)).toBeGreaterThan(3);
  });

  it('a model off the list ends the run with a clear error for everyone, and is never called', async () => {
    const { store, roomId, finished } = await roomRunning('expensive model please', 'o1-pro');
    await finished;
    const run = (await store.snapshot(roomId))?.board.panels[0]?.run;
    expect(run).toMatchObject({ status: 'error', error: { code: 'model_not_found', message: expect.stringMatching(/"o1-pro" is not offered here/) } });
    expect(upstream.log.some((entry) => entry.lastUserText.startsWith('expensive model'))).toBe(false);
    expect(charged.at(-1)).toBe(0);
  });
});

async function someTextStreamed(store: RoomStore, roomId: string) {
  await expect.poll(async () => runTextOf(await store.snapshot(roomId)), { timeout: 5_000, interval: 10 }).toMatch(/Echo: \S+ \S+ \S+/);
}

function runTextOf(snapshot: RoomSnapshot | null): string {
  const runId = snapshot?.board.panels[0]?.run?.id;
  return runId ? (snapshot?.streams[runId]?.text ?? '') : '';
}
