'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { PASSWORD_LENGTH, type OAuthProvider } from '@/lib/accounts/account-user';
import { useAccount } from '@/lib/stores/account';
import { AccountError } from './account-error';
import { field, primaryButton, secondaryButton } from './form-styles';

const providerNames: Record<OAuthProvider, string> = { github: 'GitHub', google: 'Google' };


/** Sign in, or create an account: either way the chats made here as a guest come along. */
export function SignInForm({ providers }: { providers: OAuthProvider[] }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const { busy, signIn, signUp, signInWith } = useAccount();
  const creating = mode === 'sign-up';
  const router = useRouter();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const done = creating ? await signUp({ name: String(form.get('name') ?? '').trim(), email, password }) : await signIn({ email, password });
    // The chat's sync starts again on the way in, and takes this browser's guest chats to the account.
    if (done) router.push('/chat');
  };

  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading" className="text-xl font-semibold">
        {creating ? 'Create an account' : 'Sign in'}
      </h1>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">Your chats follow you to every device where you sign in. The ones you made here as a guest come with you.</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={(event) => void submit(event)}>
        {creating && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Name</span>
            <input name="name" required maxLength={100} autoComplete="name" autoFocus className={field} />
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Email</span>
          <input name="email" type="email" required maxLength={254} autoComplete="email" autoFocus={!creating} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Password</span>
          <input
            name="password"
            type="password"
            required
            minLength={PASSWORD_LENGTH.min}
            maxLength={PASSWORD_LENGTH.max}
            autoComplete={creating ? 'new-password' : 'current-password'}
            aria-describedby={creating ? 'password-hint' : undefined}
            className={field}
          />
          {creating && (
            <span id="password-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
              At least {PASSWORD_LENGTH.min} characters.
            </span>
          )}
        </label>
        <AccountError />
        <button type="submit" disabled={busy} aria-busy={busy} className={primaryButton}>
          {creating ? 'Create account' : 'Sign in'}
        </button>
      </form>
      {providers.length > 0 && (
        <div className="mt-4 flex flex-col gap-2">
          {providers.map((provider) => (
            <button key={provider} type="button" disabled={busy} onClick={() => void signInWith(provider)} className={secondaryButton}>
              Continue with {providerNames[provider]}
            </button>
          ))}
        </div>
      )}
      <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
        {creating ? 'Already have an account? ' : 'New here? '}
        <button type="button" onClick={() => setMode(creating ? 'sign-in' : 'sign-up')} className="font-medium text-brand underline-offset-2 hover:underline dark:text-brand-light">
          {creating ? 'Sign in' : 'Create an account'}
        </button>
      </p>
    </section>
  );
}
