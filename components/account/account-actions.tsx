'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { AccountUser } from '@/lib/accounts/account-user';
import { useAccount } from '@/lib/stores/account';
import { forgetThisBrowsersChats } from '@/lib/stores/chat/history-sync';
import { useChatStore } from '@/lib/stores/chat/store';
import { AccountError } from './account-error';
import { dangerButton, field, secondaryButton } from './form-styles';

/**
 * A signed-in user's account: export, sign out (here or everywhere), delete. Leaving the account
 * also clears its chats from this browser (they are on the server), so the next person on this
 * computer does not see them.
 */
export function AccountActions({ user }: { user: AccountUser }) {
  const { busy, signOut, deleteAccount } = useAccount();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const router = useRouter();

  const leave = () => {
    forgetThisBrowsersChats(useChatStore);
    router.push('/chat');
  };

  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading" className="text-xl font-semibold">
        Your account
      </h1>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        Signed in as <strong data-testid="account-name">{user.name}</strong> ({user.email}). Your chats are saved to this account and appear on every device where you sign in.
      </p>

      <div className="mt-6 flex flex-col gap-3">
        <a href="/api/account/export" download className={`${secondaryButton} text-center`}>
          Export all my chats
        </a>
        <button type="button" disabled={busy} onClick={() => void signOut({ everywhere: false }).then((done) => done && leave())} className={secondaryButton}>
          Sign out
        </button>
        <button type="button" disabled={busy} onClick={() => void signOut({ everywhere: true }).then((done) => done && leave())} className={secondaryButton}>
          Sign out everywhere
        </button>
      </div>

      <div className="mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        <h2 className="text-base font-semibold">Delete account</h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">Deletes the account and every chat in it from the server, for good. Export them first to keep a copy.</p>
        {confirmingDelete ? (
          <form
            className="mt-3 flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              const password = String(new FormData(event.currentTarget).get('password') ?? '');
              void deleteAccount(password || undefined).then((done) => done && leave());
            }}
          >
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">Your password</span>
              <input name="password" type="password" autoComplete="current-password" className={field} aria-describedby="delete-password-hint" />
              <span id="delete-password-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
                Needed if you signed in with a password more than a day ago.
              </span>
            </label>
            <AccountError />
            <button type="submit" disabled={busy} className={dangerButton}>
              Delete my account and all my chats
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)} className={secondaryButton}>
              Keep my account
            </button>
          </form>
        ) : (
          <>
            <AccountError />
            <button type="button" onClick={() => setConfirmingDelete(true)} className={`${secondaryButton} mt-3 text-red-700 dark:text-red-300`}>
              Delete account…
            </button>
          </>
        )}
      </div>
    </section>
  );
}
