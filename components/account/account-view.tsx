'use client';

import type { AccountUser, OAuthProvider } from '@/lib/accounts/account-user';
import { useSignedInUser } from '@/lib/stores/account';
import { AccountActions } from './account-actions';
import { SignInForm } from './sign-in-form';

/** /account: sign in or create an account as a guest; once signed in, the account's data and how to leave. */
export function AccountView({ user: renderedFor, providers, available }: { user: AccountUser | null; providers: OAuthProvider[]; available: boolean }) {
  const user = useSignedInUser(renderedFor);
  return (
    <div className="mx-auto w-full max-w-md overflow-y-auto px-4 py-8">
      {!available ? (
        <>
          <h1 className="text-xl font-semibold">Account</h1>
          <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
            This deployment keeps chats in this browser only, so it has no accounts. Export your chats from the chat page to keep a copy.
          </p>
        </>
      ) : user ? (
        <AccountActions user={user} />
      ) : (
        <SignInForm providers={providers} />
      )}
    </div>
  );
}
