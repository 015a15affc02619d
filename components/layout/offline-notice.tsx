import type { ReactNode } from 'react';

/** With no model connected, what a page can and cannot do: said up front, in the page's own words. */
export function OfflineNotice({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
      <strong className="font-semibold">Offline demo:</strong> {children}
    </p>
  );
}
