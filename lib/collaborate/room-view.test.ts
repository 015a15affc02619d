import { describe, expect, it } from 'vitest';
import { newBoard, startRun, type Board } from './board';
import { applyRoomMessage, withPendingEdits, type RoomView } from './room-view';

const board = newBoard([{ id: 'p1', settings: { prompt: 'hello' } }]);
const running = (startRun(board, 'p1', { id: 'r1', startedAt: 5 }) as { board: Board }).board;
const snapshot = { type: 'snapshot' as const, seq: 3, board: running, streams: { r1: { text: 'Hel', chunks: 1, firstTokenAt: 6, lastTokenAt: 6 } }, people: [{ id: 2, name: 'Bo' }, { id: 1, name: 'Ada' }], you: { id: 1, name: 'Ada' } };

function view(): RoomView {
  const result = applyRoomMessage(null, snapshot);
  if (result === 'resync') throw new Error('resync');
  return result;
}

describe('room view', () => {
  it('starts from the snapshot and continues with the text that follows it', () => {
    const next = applyRoomMessage(view(), { type: 'delta', seq: 4, runId: 'r1', text: 'lo', chunks: 1, firstAt: 7, lastAt: 8 });
    expect(next).toMatchObject({ seq: 4, streams: { r1: { text: 'Hello', chunks: 2, firstTokenAt: 6, lastTokenAt: 8 } } });
  });

  it('knows who is here, in the order they came, and which of them this browser is', () => {
    expect(view()).toMatchObject({ people: [{ id: 1, name: 'Ada' }, { id: 2, name: 'Bo' }], you: { id: 1, name: 'Ada' } });
    const next = applyRoomMessage(view(), { type: 'presence', seq: 4, people: [{ id: 3, name: 'Guest 3' }, { id: 1, name: 'Ada' }] });
    expect(next).toMatchObject({ people: [{ id: 1 }, { id: 3 }], you: { id: 1 } });
  });

  it('ignores events the snapshot already holds, and asks to resync when one is missing', () => {
    const current = view();
    expect(applyRoomMessage(current, { type: 'presence', seq: 3, people: [] })).toBe(current);
    expect(applyRoomMessage(current, { type: 'presence', seq: 5, people: [] })).toBe('resync');
    expect(applyRoomMessage(null, { type: 'presence', seq: 1, people: [] })).toBe('resync');
  });

  it('a new board brings an empty stream for a new run and drops the text of runs it no longer shows', () => {
    const replaced = (startRun({ ...board, panels: [{ ...board.panels[0]!, run: undefined }] }, 'p1', { id: 'r2', startedAt: 9 }) as { board: Board }).board;
    const next = applyRoomMessage(view(), { type: 'board', seq: 4, board: replaced });
    if (next === 'resync') throw new Error('resync');
    expect(next.streams).toEqual({ r2: { text: '', chunks: 0 } });
    // A late piece of the old run is not shown.
    const late = applyRoomMessage(next, { type: 'delta', seq: 5, runId: 'r1', text: 'x', chunks: 1, firstAt: 1, lastAt: 1 });
    expect(late !== 'resync' && late.streams).toEqual({ r2: { text: '', chunks: 0 } });
  });

  it('keeps what this browser typed over the room’s older copy', () => {
    const shown = withPendingEdits(running, { panels: { p1: { prompt: 'hello wor' } }, comparePrompt: 'shared' });
    expect(shown.panels[0]).toMatchObject({ prompt: 'hello wor', run: { id: 'r1' } });
    expect(shown.comparePrompt).toBe('shared');
  });
});
