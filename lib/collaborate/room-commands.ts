import { z } from '@/lib/zod';
import { addPanel, findPanel, promptFor, removePanel, setComparePrompt, setMode, startRun, endRun, updatePanel, type Board, type BoardChange } from './board';
import { MAX_PANELS, MAX_PROMPT_CHARS, MAX_SHARED_ANSWER_CHARS, type PanelSettings, type RunStream } from './panel';
import { cleanName, MAX_NAME_CHARS } from './person';
import { collaborateModeSchema, panelRunSchema, panelSettingsSchema, runStreamSchema } from './schemas';

const panelId = z.string().min(1).max(100);
const panelIds = z.array(panelId).min(1).max(MAX_PANELS);

/** What a browser may ask of a room. `by` names the browser, so it can recognise its own changes. */
export const roomCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add-panel'), by: z.string().max(100).optional(), panel: panelSettingsSchema.optional() }),
  z.object({ action: z.literal('update-panel'), by: z.string().max(100).optional(), panelId, patch: panelSettingsSchema.partial() }),
  z.object({ action: z.literal('remove-panel'), by: z.string().max(100).optional(), panelId }),
  z.object({ action: z.literal('set-mode'), by: z.string().max(100).optional(), mode: collaborateModeSchema }),
  z.object({ action: z.literal('set-compare-prompt'), by: z.string().max(100).optional(), prompt: z.string().max(MAX_PROMPT_CHARS) }),
  /** `who`: the name of whoever pressed Run, shown on the panel for everyone. */
  z.object({ action: z.literal('run'), by: z.string().max(100).optional(), panelIds, who: z.string().max(MAX_NAME_CHARS * 4).transform(cleanName).optional() }),
  z.object({ action: z.literal('stop'), by: z.string().max(100).optional(), panelIds }),
]);

export type RoomCommand = z.infer<typeof roomCommandSchema>;

export interface StartedRun {
  panelId: string;
  runId: string;
  settings: PanelSettings;
}

/**
 * The board change a command asks for. For 'run', every named panel that can start does, and the
 * runs that started are reported through `started`; only when none can is the command refused.
 */
export function commandChange(command: RoomCommand, ids: { newId: () => string; now: () => number }, started: StartedRun[] = []) {
  return (board: Board): BoardChange => {
    switch (command.action) {
      case 'add-panel':
        return addPanel(board, ids.newId(), command.panel);
      case 'update-panel':
        return updatePanel(board, command.panelId, command.patch);
      case 'remove-panel':
        return removePanel(board, command.panelId);
      case 'set-mode':
        return setMode(board, command.mode);
      case 'set-compare-prompt':
        return setComparePrompt(board, command.prompt);
      case 'run':
        return startRuns(board, command.panelIds, command.who, ids, started);
      case 'stop':
        return stopRuns(board, command.panelIds, ids.now());
    }
  };
}

function startRuns(board: Board, panelIds: string[], who: string | undefined, ids: { newId: () => string; now: () => number }, started: StartedRun[]): BoardChange {
  started.length = 0; // the change may be applied again after a conflict
  let current = board;
  let firstRefusal: BoardChange | undefined;
  for (const panelId of panelIds) {
    const runId = ids.newId();
    const next = startRun(current, panelId, { id: runId, startedAt: ids.now(), ...(who ? { by: who } : {}) });
    if (!next.ok) {
      firstRefusal ??= next;
      continue;
    }
    current = next.board;
    const panel = findPanel(current, panelId)!;
    started.push({ panelId, runId, settings: { prompt: promptFor(current, panel), model: panel.model, system: panel.system, temperature: panel.temperature } });
  }
  return started.length === 0 && firstRefusal ? firstRefusal : { ok: true, board: current };
}

function stopRuns(board: Board, panelIds: string[], now: number): BoardChange {
  let current = board;
  for (const panelId of panelIds) {
    const run = findPanel(current, panelId)?.run;
    if (!run) continue;
    const next = endRun(current, panelId, run.id, { status: 'stopped', endedAt: now });
    if (next.ok) current = next.board;
  }
  return { ok: true, board: current };
}

/** An answer the page already had when it was shared: how its run went, and its text. */
const sharedAnswerSchema = z.object({
  run: panelRunSchema.omit({ id: true }).extend({ status: z.enum(['done', 'stopped', 'error']) }),
  stream: runStreamSchema.extend({
    text: z.string().max(MAX_SHARED_ANSWER_CHARS, `An answer may carry at most ${MAX_SHARED_ANSWER_CHARS.toLocaleString('en')} characters into a room.`),
  }),
});

/** A new room, from the page it was shared from: its mode, its prompts, and the answers it already had. */
export const createRoomSchema = z.object({
  mode: collaborateModeSchema.default('separate'),
  comparePrompt: z.string().max(MAX_PROMPT_CHARS).default(''),
  panels: z.array(panelSettingsSchema.extend({ answer: sharedAnswerSchema.optional() })).max(MAX_PANELS, `A room holds at most ${MAX_PANELS} prompts.`),
});

export type CreateRoomRequest = z.input<typeof createRoomSchema>;

/** The board a new room starts with, and the text of the answers it carries, by run id. */
export function roomFromShared(request: z.output<typeof createRoomSchema>, newId: () => string): { board: Board; streams: Record<string, RunStream> } {
  const streams: Record<string, RunStream> = {};
  const panels = request.panels.map(({ answer, ...settings }) => {
    if (!answer) return { id: newId(), ...settings };
    const run = { id: newId(), ...answer.run };
    streams[run.id] = answer.stream;
    return { id: newId(), ...settings, run };
  });
  return { board: { mode: request.mode, comparePrompt: request.comparePrompt, panels }, streams };
}
