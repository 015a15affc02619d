import { errorTitle, type RillError } from '@/lib/errors';

/** A failed answer (or translation): what went wrong, and Retry. */
/** `retryLabel` names what Retry redoes where a page has several ("Retry prompt 2"). */
export function AnswerError({ error, onRetry, retryDisabled, retryLabel }: { error: RillError; onRetry: () => void; retryDisabled?: boolean; retryLabel?: string }) {
  return (
    <div role="alert" className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/50">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-red-800 dark:text-red-200">{errorTitle(error)}</p>
        <p className="text-red-700 dark:text-red-300">{error.message}</p>
      </div>
      <button
        type="button"
        onClick={onRetry}
        disabled={retryDisabled}
        aria-label={retryLabel}
        className="rounded-md bg-red-600 px-3 py-1 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
      >
        Retry
      </button>
    </div>
  );
}
