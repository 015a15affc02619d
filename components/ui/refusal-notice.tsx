import { errorTitle, type RillError } from '@/lib/errors';

/** What the last action could not do, and why (a limit reached, a change or vote refused), until dismissed. */
export function RefusalNotice({ notice, onDismiss }: { notice: RillError | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="min-w-0 flex-1">
        <span className="font-medium">{notice.code === 'bad_request' ? 'Not done' : errorTitle(notice)}: </span>
        {notice.message}
      </p>
      <button type="button" onClick={onDismiss} aria-label="Dismiss message" className="rounded px-1.5 text-amber-800 hover:bg-amber-100 dark:text-amber-200 dark:hover:bg-amber-900/50">
        ×
      </button>
    </div>
  );
}
