import { describe, expect, it } from 'vitest';
import { addPanel, droppedRunIds, endRun, newBoard, promptFor, removePanel, setMode, startRun, updatePanel, type Board, type BoardChange } from './board';
import { MAX_PANELS } from './panel';

const board = () => newBoard([{ id: 'a', settings: { prompt: 'first' } }, { id: 'b', settings: { prompt: 'second', model: 'm2' } }]);

function applied(change: BoardChange): Board {
  if (!change.ok) throw new Error(change.error);
  return change.board;
}

describe('board', () => {
  it(`refuses a panel past ${MAX_PANELS} with a 409 and a message`, () => {
    let current = newBoard([]);
    for (let i = 0; i < MAX_PANELS; i++) current = applied(addPanel(current, `p${i}`));
    expect(addPanel(current, 'one-more')).toEqual({ ok: false, status: 409, error: expect.stringContaining(`At most ${MAX_PANELS} prompts`) });
  });

  it('starts a run once: a panel already streaming, an empty prompt and a missing panel are refused', () => {
    const running = applied(startRun(board(), 'a', { id: 'r1', startedAt: 10 }));
    expect(running.panels[0]?.run).toEqual({ id: 'r1', status: 'streaming', startedAt: 10 });
    expect(startRun(running, 'a', { id: 'r2', startedAt: 11 })).toMatchObject({ ok: false, status: 409 });
    expect(startRun(applied(updatePanel(board(), 'b', { prompt: '  ' })), 'b', { id: 'r3', startedAt: 1 })).toMatchObject({ ok: false, status: 400 });
    expect(startRun(board(), 'gone', { id: 'r4', startedAt: 1 })).toMatchObject({ ok: false, status: 404 });
  });

  it('ends only the current streaming run, so a late end cannot undo a stop or a newer run', () => {
    const running = applied(startRun(board(), 'a', { id: 'r1', startedAt: 10 }));
    const stopped = applied(endRun(running, 'a', 'r1', { status: 'stopped', endedAt: 20 }));
    expect(stopped.panels[0]?.run).toMatchObject({ status: 'stopped', endedAt: 20 });
    expect(applied(endRun(stopped, 'a', 'r1', { status: 'done', endedAt: 30 }))).toBe(stopped);
    const rerun = applied(startRun(stopped, 'a', { id: 'r2', startedAt: 40 }));
    expect(applied(endRun(rerun, 'a', 'r1', { status: 'error', endedAt: 50 })).panels[0]?.run?.status).toBe('streaming');
    expect(droppedRunIds(stopped, rerun)).toEqual(['r1']);
  });

  it('compare mode sends one shared prompt to every panel and keeps their own prompts for later', () => {
    const compare = applied(setMode(board(), 'compare'));
    expect(compare.comparePrompt).toBe('first');
    const [a, b] = compare.panels;
    expect([promptFor(compare, a!), promptFor(compare, b!)]).toEqual(['first', 'first']);
    const back = applied(setMode(compare, 'separate'));
    expect(back.panels.map((panel) => promptFor(back, panel))).toEqual(['first', 'second']);
  });

  it('removes a panel and its run', () => {
    const running = applied(startRun(board(), 'b', { id: 'r1', startedAt: 1 }));
    const removed = applied(removePanel(running, 'b'));
    expect(removed.panels.map((panel) => panel.id)).toEqual(['a']);
    expect(droppedRunIds(running, removed)).toEqual(['r1']);
    expect(removePanel(removed, 'b')).toMatchObject({ ok: false, status: 404 });
  });
});
