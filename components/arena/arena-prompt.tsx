'use client';

import { useArenaStore } from '@/lib/stores/arena';

const button = 'rounded-lg px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-40';
const secondary = `${button} border border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800`;

/** The prompt both sides answer. Enter (or Ctrl+Enter) starts the battle; Shift+Enter is a new line. */
export function ArenaPrompt() {
  const prompt = useArenaStore((s) => s.prompt);
  const starting = useArenaStore((s) => s.starting);
  const streaming = useArenaStore((s) => Object.keys(s.controllers).length > 0);
  const hasBattle = useArenaStore((s) => s.battle !== null);
  const { setPrompt, start, stop, newBattle } = useArenaStore.getState();

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <label className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">Prompt</span>
        <textarea
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            void start();
          }}
          rows={3}
          placeholder="Ask anything. Two anonymous models answer side by side; you judge which did better."
          className="min-h-20 resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={starting || streaming || !prompt.trim()} className={`${button} bg-brand text-white hover:bg-brand-dark`}>
          {starting ? 'Starting…' : 'Start battle'}
        </button>
        {streaming && (
          <button type="button" onClick={stop} className={secondary}>
            Stop
          </button>
        )}
        {hasBattle && !streaming && (
          <button type="button" onClick={newBattle} className={secondary}>
            New battle
          </button>
        )}
      </div>
    </form>
  );
}
