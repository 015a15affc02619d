import 'server-only';
import { requestEvents } from '@/lib/server/request-events';
import { endRun, findPanel, isStreaming } from './board';
import { readAnswer } from './answer-outcome';
import { createDeltaBatcher } from './delta-batcher';
import { panelAnswerStream } from './panel-answer';
import type { PanelSettings } from './panel';
import type { RoomStore } from './room-store';

export interface RoomRun {
  roomId: string;
  panelId: string;
  runId: string;
  /** The settings the run started with, prompt included. */
  settings: PanelSettings;
}

/**
 * Runs one panel's model call on the server and streams its text into the room, so everyone in the
 * room, wherever they joined, reads the same answer. Whoever stops the run (on any instance) ends it on
 * the board; this run sees that and cancels its model call.
 */
export async function runInRoom(store: RoomStore, run: RoomRun, { maxRunMs }: { maxRunMs: number }): Promise<void> {
  const startedAt = performance.now();
  const stop = new AbortController();
  const stillCurrent = (board: Parameters<typeof findPanel>[0]) => isStreaming(findPanel(board, run.panelId), run.runId);
  const unsubscribe = await store.subscribe(run.roomId, (event) => {
    if (event.type === 'board' && !stillCurrent(event.board)) stop.abort();
  });
  // It may have been stopped before this run was listening.
  const snapshot = await store.snapshot(run.roomId);
  if (!snapshot || !stillCurrent(snapshot.board)) stop.abort();

  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(maxRunMs)]);
  const batcher = createDeltaBatcher(run.runId, (delta) => store.appendToRun(run.roomId, delta));
  const end = await readAnswer(panelAnswerStream(run.settings, signal), signal, (text) => batcher.add(text));
  await batcher.flush();
  await store.change(run.roomId, (board) => endRun(board, run.panelId, run.runId, { ...end, endedAt: Date.now() }));
  await unsubscribe();

  requestEvents.emit({
    type: 'request-end',
    summary: {
      requestId: run.runId,
      route: 'room-run',
      status: 200,
      clientHash: 'room',
      model: end.metadata?.model,
      ttftMs: end.metadata?.ttftMs,
      durationMs: performance.now() - startedAt,
      inputTokens: end.metadata?.inputTokens,
      outputTokens: end.metadata?.outputTokens,
      source: 'upstream',
      errorCode: end.error?.code,
      aborted: end.status === 'stopped' || undefined,
    },
  });
}
