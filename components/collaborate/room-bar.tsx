'use client';

import { useState, useSyncExternalStore } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { MAX_NAME_CHARS } from '@/lib/collaborate/person';
import { useCollaborateStore } from '@/lib/stores/collaborate';
import { RoomPeople } from './room-people';

const field = 'min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950';
const button = 'shrink-0 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

/** Where this room stands: connected or not, who is here, your name in it, and the link to hand out. */
export function RoomBar({ roomId }: { roomId: string }) {
  const status = useCollaborateStore((s) => s.room?.status);
  // The server does not know the address the browser used, so the link is filled in after hydration.
  const origin = useSyncExternalStore(neverChanges, () => window.location.origin, () => '');
  const link = origin ? `${origin}/collaborate/${roomId}` : '';
  const live = status?.kind === 'live';

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" data-testid="room-status" data-state={status?.kind ?? 'connecting'} className="flex items-center gap-2">
          <span aria-hidden className={`h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'animate-pulse bg-amber-500'}`} />
          {live ? (
            <span>Live</span>
          ) : status?.kind === 'reconnecting' ? (
            // A refusal says why (too many rooms open); a dropped connection just reconnects.
            <span>{status.error.code === 'network' ? 'Reconnecting…' : `${status.error.message} Retrying…`}</span>
          ) : (
            <span>Connecting…</span>
          )}
        </p>
        {live && <RoomPeople />}
      </div>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto]">
        <div className="flex min-w-0 items-center gap-2">
          <label htmlFor="room-link" className="shrink-0 text-zinc-600 dark:text-zinc-400">
            Room link
          </label>
          <input id="room-link" readOnly value={link} onFocus={(event) => event.target.select()} className={`${field} flex-1 font-mono text-xs`} />
          <CopyButton text={link} label="Copy link to this room" idleText="Copy link" className={button} />
        </div>
        <NameField />
      </div>
    </div>
  );
}

/** The name the others see this browser as; saved on Enter or when the field is left. */
function NameField() {
  const name = useCollaborateStore((s) => s.name);
  const you = useCollaborateStore((s) => s.room?.you);
  const [typed, setTyped] = useState<string | null>(null);
  const save = () => {
    if (typed !== null) useCollaborateStore.getState().setName(typed);
    setTyped(null);
  };
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor="room-name" className="shrink-0 text-zinc-600 dark:text-zinc-400">
        Your name
      </label>
      <input
        id="room-name"
        value={typed ?? name}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={save}
        maxLength={MAX_NAME_CHARS}
        placeholder={you?.name ?? 'Guest'}
        autoComplete="nickname"
        className={`${field} w-full sm:w-40`}
      />
      <button type="submit" className={button}>
        Save
      </button>
    </form>
  );
}

const neverChanges = () => () => undefined;
