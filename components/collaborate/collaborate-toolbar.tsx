'use client';

import { useRouter } from 'next/navigation';
import type { CollaborateMode } from '@/lib/collaborate/board';
import { useCollaborateStore } from '@/lib/stores/collaborate';

const modes: { value: CollaborateMode; label: string }[] = [
  { value: 'separate', label: 'Separate prompts' },
  { value: 'compare', label: 'Compare models' },
];

const button = 'rounded-lg px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-40';
const secondary = `${button} border border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800`;

export function CollaborateToolbar() {
  const router = useRouter();
  const mode = useCollaborateStore((s) => s.board.mode);
  const anyRunning = useCollaborateStore((s) => s.board.panels.some((panel) => panel.run?.status === 'streaming'));
  const allRunning = useCollaborateStore((s) => s.board.panels.every((panel) => panel.run?.status === 'streaming'));
  const inRoom = useCollaborateStore((s) => s.room !== null);
  const sharing = useCollaborateStore((s) => s.sharing);
  const { addPanel, runAll, stopAll, setMode, share } = useCollaborateStore.getState();

  const onShare = async () => {
    const roomId = await share();
    if (roomId) router.push(`/collaborate/${roomId}`);
  };

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <div role="radiogroup" aria-label="Mode" className="grid grid-cols-2 rounded-lg border border-zinc-300 p-0.5 text-sm sm:flex dark:border-zinc-700">
        {modes.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => setMode(value)}
            className={`rounded-md px-3 py-1.5 ${mode === value ? 'bg-zinc-900 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-1 sm:flex-wrap sm:items-center sm:justify-end">
        <button type="button" onClick={addPanel} className={secondary}>
          Add prompt
        </button>
        <button type="button" onClick={runAll} disabled={allRunning} className={`${button} bg-brand text-white hover:bg-brand-dark`}>
          Run all
        </button>
        {/* Outlined like the other secondary actions: disabled, it fades instead of reading as the heaviest button. */}
        <button type="button" onClick={stopAll} disabled={!anyRunning} className={secondary}>
          Stop all
        </button>
        {/* In a room, the room bar holds its link and a Copy button. */}
        {!inRoom && (
          <button
            type="button"
            onClick={() => void onShare()}
            disabled={sharing || anyRunning}
            title={anyRunning ? 'Wait for the answers to finish, or stop them, before sharing' : undefined}
            className={secondary}
          >
            Share
          </button>
        )}
        <span role="status" className="col-span-2 text-xs text-zinc-600 empty:hidden sm:order-first dark:text-zinc-400">
          {sharing ? 'Creating a room…' : ''}
        </span>
      </div>
    </div>
  );
}
