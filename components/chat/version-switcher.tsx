'use client';

const arrowClass =
  'rounded-md px-1.5 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:text-zinc-400 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:disabled:text-zinc-500';

/** ‹ 2 / 3 ›: which version of a message is on screen, and the way to the others. */
export function VersionSwitcher({ current, count, disabled, onShow }: { current: number; count: number; disabled: boolean; onShow: (position: number) => void }) {
  return (
    <div role="group" aria-label={`Version ${current} of ${count}`} className="flex items-center text-xs text-zinc-600 dark:text-zinc-300">
      <button type="button" className={arrowClass} aria-label="Previous version" disabled={disabled || current <= 1} onClick={() => onShow(current - 1)}>
        ‹
      </button>
      <span aria-hidden className="tabular-nums">
        {current} / {count}
      </span>
      <button type="button" className={arrowClass} aria-label="Next version" disabled={disabled || current >= count} onClick={() => onShow(current + 1)}>
        ›
      </button>
    </div>
  );
}
