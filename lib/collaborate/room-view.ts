import type { Board } from './board';
import { appendDelta, emptyRunStream, type PanelSettings, type RunStream } from './panel';
import { byArrival, type Person } from './person';
import type { RoomMessage } from './room-events';

/** What a browser holds of a room: the board, the text of its runs, and the last event it applied. */
export interface RoomView {
  board: Board;
  streams: Record<string, RunStream>;
  seq: number;
  people: Person[];
  you?: Person;
}

/**
 * Applies one message from the room's event stream. Returns 'resync' when an event is missing (the
 * browser then reconnects for a fresh snapshot) rather than show a board that silently diverged.
 */
export function applyRoomMessage(view: RoomView | null, message: RoomMessage): RoomView | 'resync' {
  if (message.type === 'snapshot') {
    return { board: message.board, streams: message.streams, seq: message.seq, people: byArrival(message.people), ...(message.you ? { you: message.you } : {}) };
  }
  if (!view || message.seq <= view.seq) return view ?? 'resync';
  if (message.seq !== view.seq + 1) return 'resync';
  const seq = message.seq;
  switch (message.type) {
    case 'board':
      return { ...view, seq, board: message.board, streams: streamsFor(message.board, view.streams) };
    case 'delta': {
      const current = view.streams[message.runId];
      // Text of a run the board no longer shows (stopped and replaced) is not wanted.
      if (!current) return { ...view, seq };
      return { ...view, seq, streams: { ...view.streams, [message.runId]: appendDelta(current, message) } };
    }
    case 'presence':
      return { ...view, seq, people: byArrival(message.people) };
  }
}

/** The streams of the runs a board shows: those already held, and an empty one for each new run. */
export function streamsFor(board: Board, streams: Record<string, RunStream>): Record<string, RunStream> {
  const next: Record<string, RunStream> = {};
  for (const panel of board.panels) if (panel.run) next[panel.run.id] = streams[panel.run.id] ?? emptyRunStream;
  return next;
}

/** Edits this browser made that the room has not confirmed yet: by panel id, and the shared prompt. */
export interface PendingEdits {
  panels: Record<string, Partial<PanelSettings>>;
  comparePrompt?: string;
}

/** The room's board with this browser's unconfirmed edits on top, so typing is never undone by an echo. */
export function withPendingEdits(board: Board, pending: PendingEdits): Board {
  const panels = board.panels.map((panel) => (pending.panels[panel.id] ? { ...panel, ...pending.panels[panel.id] } : panel));
  return { ...board, panels, comparePrompt: pending.comparePrompt ?? board.comparePrompt };
}
