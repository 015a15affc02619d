import 'server-only';
import { refusedModel } from '@/lib/ai/model-list';
import { rillError } from '@/lib/errors';
import { AnswerFold } from '@/lib/protocol/answer-fold';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { tokensSpent } from '@/lib/protocol/metadata';
import type { StreamAdmission } from '@/lib/server/rate-limit';
import { requestEvents } from '@/lib/server/request-events';
import { endRun, findPanel, isStreaming, type RunEnd } from '../board';
import { createDeltaBatcher } from './delta-batcher';
import { panelAnswer } from './panel-answer';
import type { PanelSettings } from '../panel';
import type { RoomStore } from './room-store';

export interface RoomRun {
  roomId: string;
  panelId: string;
  runId: string;
  /** The settings the run started with, prompt included. */
  settings: PanelSettings;
}

/** Who a run is charged to: the client that pressed Run, with the admission (stream slot, reserved tokens) it got. */
export interface RunAccount {
  clientHash: string;
  admission: StreamAdmission;
}

/**
 * Runs one panel's model call on the server and streams its text into the room, so everyone in the
 * room, wherever they joined, reads the same answer. Whoever stops the run (on any instance) ends it on
 * the board; this run sees that and cancels its model call. The call holds the stream slot of the
 * client that pressed Run until it ends, and its tokens count against that client's quota.
 */
export async function runInRoom(store: RoomStore, run: RoomRun, { maxRunMs, account }: { maxRunMs: number; account: RunAccount }): Promise<void> {
  try {
    await answerInRoom(store, run, { maxRunMs, account });
  } finally {
    // Also when the room's store failed: a slot is never held, nor tokens reserved, by a run that is over.
    account.admission.release();
    void account.admission.settle(0);
  }
}

async function answerInRoom(store: RoomStore, run: RoomRun, { maxRunMs, account }: { maxRunMs: number; account: RunAccount }): Promise<void> {
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
  // A model off the list is never called: the run ends at once, saying why, for everyone in the room.
  const modelRefused = await refusedModel(run.settings.model || undefined);
  const end: Omit<RunEnd, 'endedAt'> = modelRefused
    ? { status: 'error', error: rillError('model_not_found', modelRefused) }
    : await readRun(panelAnswer(run.settings, signal), signal, (text) => batcher.add(text));
  account.admission.release();
  await account.admission.settle(tokensSpent(end.metadata ?? {}));
  await batcher.flush();
  await store.change(run.roomId, (board) => endRun(board, run.panelId, run.runId, { ...end, endedAt: Date.now() }));
  await unsubscribe();

  requestEvents.emit({
    type: 'request-end',
    summary: {
      requestId: run.runId,
      route: 'room-run',
      status: 200,
      clientHash: account.clientHash,
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

/** Reads the run's answer, passing its text on as it comes, and tells how it ended as the board records it. */
async function readRun(stream: AsyncIterable<AnswerChunk>, signal: AbortSignal, onText: (text: string) => void): Promise<Omit<RunEnd, 'endedAt'>> {
  const fold = new AnswerFold({ onText });
  try {
    for await (const chunk of stream) fold.add(chunk);
  } catch {
    // A stream that breaks ends without its finish chunk: the fold calls that interrupted.
  }
  const end = fold.end({ stopped: signal.aborted });
  const metadata = Object.keys(fold.metadata).length > 0 ? { metadata: fold.metadata } : {};
  return end.status === 'error' ? { status: 'error', error: end.error, ...metadata } : { status: end.status, ...metadata };
}
