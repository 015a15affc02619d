'use client';

import { lazy, Suspense } from 'react';
import type { RillError } from '@/lib/errors';

// The error titles live beside the error schemas (zod) in lib/errors; loading them with the page
// would add zod to its first load. Preloaded when the page is idle, so the fallback is rarely seen.
const loadMessageError = () => import('./message-error');
const MessageError = lazy(() => loadMessageError().then((module) => ({ default: module.MessageError })));

export function preloadAnswerError() {
  void loadMessageError();
}

/** A failed answer (or translation): what went wrong, and Retry. */
export function AnswerError(props: { error: RillError; onRetry: () => void; retryDisabled?: boolean }) {
  return (
    <Suspense fallback={<p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{props.error.message}</p>}>
      <MessageError {...props} />
    </Suspense>
  );
}
