'use client';

import { useAccount } from '@/lib/stores/account';

/** What the last account action said went wrong, read out when it appears. */
export function AccountError() {
  const error = useAccount((s) => s.error);
  return (
    <p role="alert" data-testid="account-error" className="min-h-5 text-sm text-red-700 empty:min-h-0 dark:text-red-300">
      {error?.message}
    </p>
  );
}
