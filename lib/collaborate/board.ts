import { MAX_PANELS, tooManyPanelsMessage, type Panel, type PanelRun, type PanelSettings } from './panel';

/**
 * 'separate': every panel has its own prompt. 'compare': one shared prompt goes to every panel, each
 * with its own model and temperature; the panels' own prompts are kept for when compare is switched off.
 */
export const collaborateModes = ['separate', 'compare'] as const;
export type CollaborateMode = (typeof collaborateModes)[number];

/** Everything on a Collaborate page except the streaming text: the same in a browser and in a room. */
export interface Board {
  mode: CollaborateMode;
  comparePrompt: string;
  panels: Panel[];
}

/** A change either applies, or is refused with the HTTP status and message a user should see. */
export type BoardChange = { ok: true; board: Board } | { ok: false; status: number; error: string };

export function emptyBoard(): Board {
  return { mode: 'separate', comparePrompt: '', panels: [] };
}

export function newBoard(panels: { id: string; settings: PanelSettings }[], mode: CollaborateMode = 'separate', comparePrompt = ''): Board {
  return { mode, comparePrompt, panels: panels.map(({ id, settings }) => ({ id, ...settings })) };
}

export function addPanel(board: Board, id: string, settings: PanelSettings = { prompt: '' }): BoardChange {
  if (board.panels.length >= MAX_PANELS) return refuse(409, tooManyPanelsMessage);
  return applied({ ...board, panels: [...board.panels, { id, ...settings }] });
}

export function updatePanel(board: Board, panelId: string, patch: Partial<PanelSettings>): BoardChange {
  return withPanel(board, panelId, (panel) => ({ ...panel, ...patch }));
}

export function removePanel(board: Board, panelId: string): BoardChange {
  if (!findPanel(board, panelId)) return missingPanel();
  return applied({ ...board, panels: board.panels.filter((panel) => panel.id !== panelId) });
}

export function setMode(board: Board, mode: CollaborateMode): BoardChange {
  // Entering compare with nothing shared yet starts from the first prompt, so the user has something to edit.
  const comparePrompt = mode === 'compare' && !board.comparePrompt ? (board.panels[0]?.prompt ?? '') : board.comparePrompt;
  return applied({ ...board, mode, comparePrompt });
}

export function setComparePrompt(board: Board, comparePrompt: string): BoardChange {
  return applied({ ...board, comparePrompt });
}

/** The prompt a panel sends when run: its own, or the shared one in compare mode. */
export function promptFor(board: Board, panel: Panel): string {
  return board.mode === 'compare' ? board.comparePrompt : panel.prompt;
}

export function startRun(board: Board, panelId: string, run: Pick<PanelRun, 'id' | 'startedAt' | 'by'>): BoardChange {
  const panel = findPanel(board, panelId);
  if (!panel) return missingPanel();
  if (panel.run?.status === 'streaming') return refuse(409, 'This prompt is already running. Stop it first.');
  if (!promptFor(board, panel).trim()) return refuse(400, 'Write a prompt first.');
  return withPanel(board, panelId, (current) => ({ ...current, run: { id: run.id, status: 'streaming', startedAt: run.startedAt, ...(run.by ? { by: run.by } : {}) } }));
}

export type RunEnd = Pick<PanelRun, 'status' | 'endedAt' | 'error' | 'metadata'>;

/** Ends a run that is still streaming; a run already ended (stopped, replaced, removed) stays as it is. */
export function endRun(board: Board, panelId: string, runId: string, end: RunEnd): BoardChange {
  const panel = findPanel(board, panelId);
  if (panel?.run?.id !== runId || panel.run.status !== 'streaming') return applied(board);
  return withPanel(board, panelId, (current) => ({ ...current, run: { ...panel.run!, ...end } }));
}

/**
 * A page restored after a reload: the requests of the runs that were streaming died with the old
 * page, so each ends as stopped, keeping the text it had.
 */
export function interruptRuns(board: Board, lastTokenAt: (runId: string) => number | undefined): Board {
  const panels = board.panels.map((panel) =>
    panel.run?.status === 'streaming' ? { ...panel, run: { ...panel.run, status: 'stopped' as const, endedAt: lastTokenAt(panel.run.id) ?? panel.run.startedAt } } : panel,
  );
  return { ...board, panels };
}

export function isStreaming(panel: Panel | undefined, runId?: string): boolean {
  return panel?.run?.status === 'streaming' && (runId === undefined || panel.run.id === runId);
}

export function findPanel(board: Board, panelId: string): Panel | undefined {
  return board.panels.find((panel) => panel.id === panelId);
}

/** Runs that `previous` showed and `next` no longer does: their text can be dropped. */
export function droppedRunIds(previous: Board, next: Board): string[] {
  const kept = new Set(next.panels.map((panel) => panel.run?.id));
  return previous.panels.flatMap((panel) => (panel.run && !kept.has(panel.run.id) ? [panel.run.id] : []));
}

function withPanel(board: Board, panelId: string, update: (panel: Panel) => Panel): BoardChange {
  if (!findPanel(board, panelId)) return missingPanel();
  return applied({ ...board, panels: board.panels.map((panel) => (panel.id === panelId ? update(panel) : panel)) });
}

function applied(board: Board): BoardChange {
  return { ok: true, board };
}

function refuse(status: number, error: string): BoardChange {
  return { ok: false, status, error };
}

function missingPanel(): BoardChange {
  return refuse(404, 'That prompt is no longer here: someone may have removed it.');
}
