'use client';

import { useUsage } from '@/lib/stores/usage';
import { minuteLabel } from './chart-style';

/** "Live · updated …": its own component, so the ticking time does not redraw the charts. */
export function UsageFreshness() {
  const updatedAt = useUsage((s) => s.updatedAt);
  const since = useUsage((s) => s.snapshot?.since);
  if (updatedAt === null || since === undefined) return null;
  return (
    <p className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
      <span aria-hidden className="size-2 rounded-full bg-emerald-500 motion-safe:animate-pulse" />
      Live · updated {new Date(updatedAt).toLocaleTimeString()}
      {updatedAt - since < 60 * 60_000 && ` · counting since ${minuteLabel(since)}`}
    </p>
  );
}
