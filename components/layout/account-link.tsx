'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useAccount, useSignedInUser, type AccountUser } from '@/lib/stores/account';

/** The header's way to the account page: "Sign in" for a guest, the user's name once signed in. */
export function AccountLink({ initialUser }: { initialUser: AccountUser | null }) {
  useEffect(() => useAccount.getState().start(initialUser), [initialUser]);
  const user = useSignedInUser(initialUser);
  const label = user ? user.name || user.email : 'Sign in';
  return (
    <Link
      href="/account"
      aria-label={user ? `Account: ${label}` : 'Sign in'}
      data-testid="account-link"
      className="flex h-8 min-w-8 max-w-40 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
    >
      <svg aria-hidden viewBox="0 0 20 20" width={18} height={18} className="shrink-0">
        <circle cx="10" cy="7" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M3.5 17c1.2-3.2 3.7-4.8 6.5-4.8s5.3 1.6 6.5 4.8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="hidden truncate sm:inline">{label}</span>
    </Link>
  );
}
