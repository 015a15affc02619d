import { describe, expect, it } from 'vitest';
import { endRun, newBoard, startRun, type Board } from './board';
import { createRoomSchema, roomFromShared } from './room-commands';
import { sharedPage } from './shared-page';

const unwrap = (change: ReturnType<typeof startRun>): Board => {
  if (!change.ok) throw new Error(change.error);
  return change.board;
};

describe('sharing a page', () => {
  const started = unwrap(startRun(newBoard([{ id: 'a', settings: { prompt: 'one', model: 'm1' } }, { id: 'b', settings: { prompt: 'two' } }]), 'a', { id: 'run-a', startedAt: 100 }));
  const ended = unwrap(endRun(started, 'a', 'run-a', { status: 'done', endedAt: 900, metadata: { model: 'm1', outputTokens: 3 } }));
  const streams = { 'run-a': { text: '## Hi\n\nthere', chunks: 3, firstTokenAt: 200, lastTokenAt: 800 } };

  it('carries ended answers into the room, each with a new run id, and the prompts without one', () => {
    const request = createRoomSchema.parse(sharedPage(ended, streams));
    let n = 0;
    const { board, streams: carried } = roomFromShared(request, () => `new-${++n}`);
    expect(board.panels).toEqual([
      { id: 'new-2', prompt: 'one', model: 'm1', run: { id: 'new-1', status: 'done', startedAt: 100, endedAt: 900, metadata: { model: 'm1', outputTokens: 3 } } },
      { id: 'new-3', prompt: 'two' },
    ]);
    expect(carried).toEqual({ 'new-1': streams['run-a'] });
  });

  it('leaves out a run still streaming', () => {
    const page = sharedPage(started, { 'run-a': { text: 'par', chunks: 1 } });
    expect(page.panels[0]).toEqual({ prompt: 'one', model: 'm1' });
  });

  it('refuses an answer longer than a room takes, saying so', () => {
    const page = sharedPage(ended, { 'run-a': { ...streams['run-a'], text: 'x'.repeat(50_001) } });
    const parsed = createRoomSchema.safeParse(page);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('at most 50,000 characters');
  });
});
