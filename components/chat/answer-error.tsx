'use client';

import { useEffect, useState } from 'react';
import { errorTitle, secondsLeft, type RillError } from '@/lib/errors';

/**
 * A failed answer (or translation): what went wrong, once, and Retry. A wait the server asked for
 * counts down live in the title. Retry is a plain button: retrying is the way out, not a danger.
 * `retryLabel` names what Retry redoes where a page has several ("Retry prompt 2").
 */
export function AnswerError({ error, onRetry, retryDisabled, retryLabel }: { error: RillError; onRetry: () => void; retryDisabled?: boolean; retryLabel?: string }) {
  const wait = useCountdown(error.retryAfter);
  return (
    <div role="alert" className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
      <div className="min-w-0 flex-1">
        {/* The seconds tick without being read out again each second. */}
        <p className="font-medium text-red-800 dark:text-red-200" aria-live="off" data-testid="error-title">
          {errorTitle({ ...error, retryAfter: wait })}
        </p>
        <p className="text-red-700 dark:text-red-300">{error.message}</p>
      </div>
      <button
        type="button"
        onClick={onRetry}
        disabled={retryDisabled}
        aria-label={retryLabel}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        Retry
      </button>
    </div>
  );
}

/** Seconds left of `retryAfter`, counted from when this error was first shown; undefined without one. */
function useCountdown(retryAfter: number | undefined): number | undefined {
  // Tagged with the wait it counts down, so a new error starts from its own figure at once.
  const [tick, setTick] = useState({ of: retryAfter, left: retryAfter });
  useEffect(() => {
    if (!retryAfter) return;
    const shownAt = performance.now();
    const timer = setInterval(() => {
      const left = secondsLeft(retryAfter, performance.now() - shownAt);
      setTick({ of: retryAfter, left });
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [retryAfter]);
  return tick.of === retryAfter ? tick.left : retryAfter;
}
