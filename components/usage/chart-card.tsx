import { useId, type ReactNode } from 'react';

/** A titled chart; the title names the figure for assistive tech and for tests. */
export function ChartCard({ title, description, empty, children }: { title: string; description: string; empty?: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure aria-labelledby={id} className="min-w-0 rounded-xl border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800">
      <figcaption className="mb-2">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{description}</p>
      </figcaption>
      {/* Axes and grid draw in currentColor: a muted grey in either theme. */}
      <div className="text-zinc-500 dark:text-zinc-400">{empty ? <p className="flex h-44 items-center justify-center text-sm">{empty}</p> : children}</div>
    </figure>
  );
}
