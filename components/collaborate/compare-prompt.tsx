'use client';

import { useCollaborateStore } from '@/lib/stores/collaborate';

/** In compare mode, the one prompt every panel sends, each to its own model and temperature. */
export function ComparePrompt() {
  const prompt = useCollaborateStore((s) => s.board.comparePrompt);
  const setComparePrompt = useCollaborateStore((s) => s.setComparePrompt);
  return (
    <label className="flex flex-col gap-1.5">
      <span className="text-sm font-medium">Shared prompt</span>
      <textarea
        value={prompt}
        onChange={(event) => setComparePrompt(event.target.value)}
        rows={3}
        placeholder="One prompt for every panel. Set each panel's model and temperature below, then Run all."
        className="min-h-20 resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-900"
      />
    </label>
  );
}
