'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { useCollaborateStore } from '@/lib/stores/collaborate';

/** Where this room stands: connected or not, who is here, and the link to hand out. */
export function RoomBar({ roomId }: { roomId: string }) {
  const status = useCollaborateStore((s) => s.room?.status);
  const participants = useCollaborateStore((s) => s.room?.participants ?? 0);
  // The server does not know the address the browser used, so the link is filled in after hydration.
  const origin = useSyncExternalStore(neverChanges, () => window.location.origin, () => '');
  const link = origin ? `${origin}/collaborate/${roomId}` : '';

  if (status?.kind === 'failed') {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
        <p className="font-medium text-red-800 dark:text-red-200">Could not join this room</p>
        <p className="text-red-700 dark:text-red-300">{status.error.message}</p>
        <Link href="/collaborate" className="mt-1 inline-block font-medium text-red-800 underline dark:text-red-200">
          Back to Collaborate
        </Link>
      </div>
    );
  }

  const live = status?.kind === 'live';
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900/60">
      <p role="status" data-testid="room-status" data-state={status?.kind ?? 'connecting'} className="flex items-center gap-2">
        <span aria-hidden className={`h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'animate-pulse bg-amber-500'}`} />
        {live ? (
          <span>
            Live · {participants} {participants === 1 ? 'person' : 'people'} here
          </span>
        ) : status?.kind === 'reconnecting' ? (
          // A refusal says why (too many rooms open); a dropped connection just reconnects.
          <span>{status.error.code === 'network' ? 'Reconnecting…' : `${status.error.message} Retrying…`}</span>
        ) : (
          <span>Connecting…</span>
        )}
      </p>
      <label className="flex min-w-0 flex-1 items-center gap-2">
        <span className="shrink-0 text-zinc-500 dark:text-zinc-400">Room link</span>
        <input
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 truncate rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
    </div>
  );
}

const neverChanges = () => () => undefined;
