import type { Board } from './board';
import type { RunStream } from './panel';
import type { CreateRoomRequest } from './room-commands';

/**
 * What Share sends to start a room: the page as it is, prompts and settings and every answer that
 * has ended, so the room opens showing what the sharer saw. A run still streaming is not carried
 * (Share waits for it); the room gives each run an id of its own.
 */
export function sharedPage(board: Board, streams: Record<string, RunStream>): CreateRoomRequest {
  return {
    mode: board.mode,
    comparePrompt: board.comparePrompt,
    panels: board.panels.map(({ id: _id, run, ...settings }) => {
      const stream = run && streams[run.id];
      if (!run || !stream || run.status === 'streaming') return settings;
      const { id: _runId, ...ended } = run;
      return { ...settings, answer: { run: { ...ended, status: run.status }, stream } };
    }),
  };
}
