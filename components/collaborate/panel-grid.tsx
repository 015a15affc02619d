'use client';

import { useShallow } from 'zustand/react/shallow';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { useModelInfo } from '@/lib/stores/models';
import { PanelCard } from './panel-card';

/** `joining`: a room whose first snapshot has not arrived, so there is nothing true to show yet. */
export function PanelGrid({ joining }: { joining: boolean }) {
  const panelIds = useCollaborateStore(useShallow((s) => s.board.panels.map((panel) => panel.id)));
  const defaultModel = useModelInfo((s) => s.data?.model);
  const typedModels = useCollaborateStore(useShallow((s) => s.board.panels.flatMap((panel) => (panel.model ? [panel.model] : []))));
  const suggestions = [...new Set([defaultModel, ...typedModels].filter((model): model is string => Boolean(model)))];

  if (joining || panelIds.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        {joining ? 'Joining the room…' : 'No prompts yet. Add one to start.'}
      </p>
    );
  }
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {panelIds.map((panelId, index) => (
        <PanelCard key={panelId} panelId={panelId} number={index + 1} />
      ))}
      <datalist id="collaborate-models">
        {suggestions.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
    </div>
  );
}
