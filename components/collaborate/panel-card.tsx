'use client';

import { useId } from 'react';
import { useModelInfo } from '@/lib/stores/models';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import type { PanelSettings, RunStatus } from '@/lib/collaborate/panel';
import { PanelAnswer } from './panel-answer';

const statusLabel: Record<RunStatus | 'idle', string> = { idle: 'Ready', streaming: 'Streaming', done: 'Done', stopped: 'Stopped', error: 'Failed' };
const statusStyle: Record<RunStatus | 'idle', string> = {
  idle: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300',
  streaming: 'bg-cyan-100 text-cyan-900 dark:bg-cyan-900/50 dark:text-cyan-100',
  done: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  stopped: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200',
  error: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
};

const field = 'rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-950';
const smallButton = 'rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-40';

export function PanelCard({ panelId, number }: { panelId: string; number: number }) {
  const panel = useCollaborateStore((s) => s.board.panels.find((candidate) => candidate.id === panelId));
  const compare = useCollaborateStore((s) => s.board.mode === 'compare');
  const defaultModel = useModelInfo((s) => s.data?.model);
  const { editPanel, run, stop, removePanel } = useCollaborateStore.getState();
  const headingId = useId();
  if (!panel) return null;

  const status = panel.run?.status ?? 'idle';
  const streaming = status === 'streaming';
  const edit = (patch: Partial<PanelSettings>) => editPanel(panelId, patch);
  const name = `prompt ${number}`;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="panel"
      data-status={status}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <header className="flex items-center gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Prompt {number}
        </h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle[status]}`}>{statusLabel[status]}</span>
        <button
          type="button"
          onClick={() => removePanel(panelId)}
          aria-label={`Remove ${name}`}
          title="Remove"
          className="ml-auto rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          Remove
        </button>
      </header>

      {!compare && (
        <textarea
          aria-label={`Prompt ${number}`}
          value={panel.prompt}
          onChange={(event) => edit({ prompt: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey) && !streaming) run(panelId);
          }}
          rows={3}
          placeholder="Ask something… (Ctrl+Enter runs it)"
          className={`${field} min-h-20 resize-y px-3 py-2 text-base sm:text-sm`}
        />
      )}

      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <label className="flex min-w-0 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          Model
          <input
            aria-label={`Model for ${name}`}
            value={panel.model ?? ''}
            onChange={(event) => edit({ model: event.target.value || undefined })}
            placeholder={defaultModel ?? 'default model'}
            list="collaborate-models"
            spellCheck={false}
            className={`${field} text-zinc-900 dark:text-zinc-100`}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          Temperature
          <input
            aria-label={`Temperature for ${name}`}
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={panel.temperature ?? ''}
            onChange={(event) => edit({ temperature: event.target.value === '' ? undefined : clampTemperature(event.target.valueAsNumber) })}
            placeholder="auto"
            className={`${field} text-zinc-900 dark:text-zinc-100`}
          />
        </label>
      </div>
      <details className="text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer select-none">System prompt{panel.system ? ' (set)' : ''}</summary>
        <textarea
          aria-label={`System prompt for ${name}`}
          value={panel.system ?? ''}
          onChange={(event) => edit({ system: event.target.value || undefined })}
          rows={2}
          placeholder="Instructions for the model (optional)"
          className={`${field} mt-1.5 w-full resize-y text-zinc-900 dark:text-zinc-100`}
        />
      </details>

      <div className="flex items-center gap-2">
        {streaming ? (
          <button type="button" onClick={() => stop(panelId)} aria-label={`Stop ${name}`} className={`${smallButton} bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900`}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => run(panelId)} aria-label={`Run ${name}`} className={`${smallButton} bg-brand text-white hover:bg-brand-dark`}>
            Run
          </button>
        )}
        <RunCredit by={panel.run?.by} model={panel.run?.metadata?.model} />
      </div>

      {panel.run && <PanelAnswer panelId={panelId} run={panel.run} number={number} onRetry={() => run(panelId)} />}
    </section>
  );
}

function clampTemperature(value: number): number | undefined {
  return Number.isFinite(value) ? Math.min(2, Math.max(0, value)) : undefined;
}

/** Who ran the answer (in a room) and which model gave it: "Run by Ada · via gpt-4o". */
function RunCredit({ by, model }: { by?: string; model?: string }) {
  const parts = [by && `Run by ${by}`, model && `via ${model}`].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="min-w-0 truncate text-xs text-zinc-600 dark:text-zinc-400">{parts.join(' · ')}</span>;
}
