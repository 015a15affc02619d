import { create } from 'zustand';
import type { AccountUser, OAuthProvider } from '@/lib/accounts/account-user';
import type { RillError } from '@/lib/errors';

export type { AccountUser, OAuthProvider };

interface AccountState {
  /** Null for a guest. Meaningful once `started`: until then the pages show what the server rendered them for. */
  user: AccountUser | null;
  started: boolean;
  /** This browser's session ended while a page was open (revoked elsewhere, expired, the account deleted). */
  sessionEnded: boolean;
  /** What the last action of the account page said went wrong. */
  error: RillError | null;
  /** An action is under way: its button is busy. */
  busy: boolean;
  /** Set once in the browser with what the server rendered the page for; later changes come from the actions below. */
  start: (user: AccountUser | null) => void;
  /** The server said this browser's session ended (another device signed it out, it expired, the account went). */
  endSession: () => void;
  signUp: (fields: { name: string; email: string; password: string }) => Promise<boolean>;
  signIn: (fields: { email: string; password: string }) => Promise<boolean>;
  signInWith: (provider: OAuthProvider) => Promise<void>;
  signOut: (options: { everywhere: boolean }) => Promise<boolean>;
  deleteAccount: (password: string | undefined) => Promise<boolean>;
}

const authClient = async () => (await import('@/lib/client/auth-client')).authClient;

interface AuthFailure {
  message?: string;
  status: number;
}

/** better-auth's error, in Rill's terms: what the user can act on. */
function toRillError(failure: AuthFailure): RillError {
  if (failure.status === 429) return { code: 'rate_limited', message: failure.message ?? 'Too many attempts. Try again in a minute.' };
  if (failure.status >= 500) return { code: 'unavailable', message: failure.message ?? 'The server could not do that just now. Try again.' };
  return { code: failure.status === 401 ? 'auth' : 'bad_request', message: failure.message ?? 'That did not work. Check what you entered and try again.' };
}

const signedInAs = (data: { user: AccountUser } | null): Partial<AccountState> => (data ? { user: { id: data.user.id, name: data.user.name, email: data.user.email }, sessionEnded: false } : {});
const signedOut = (): Partial<AccountState> => ({ user: null });

const networkError: RillError = { code: 'network', message: 'Could not reach the server. Check your connection and try again.' };

/** The account of this browser: who is signed in, and the account page's actions. */
export const useAccount = create<AccountState>()((set, get) => {
  /** Runs one action of better-auth's client; true when it worked. */
  const attempt = async <Data>(action: () => Promise<{ data: Data; error: AuthFailure | null }>, then: (data: Data) => Partial<AccountState> = () => ({})): Promise<boolean> => {
    if (get().busy) return false;
    set({ busy: true, error: null });
    try {
      const { data, error } = await action();
      set({ busy: false, ...(error ? { error: toRillError(error) } : then(data)) });
      return !error;
    } catch {
      set({ busy: false, error: networkError });
      return false;
    }
  };

  return {
    user: null,
    started: false,
    error: null,
    busy: false,
    start: (user) => {
      if (!get().started) set({ user, started: true });
    },
    sessionEnded: false,
    endSession: () => set({ user: null, started: true, sessionEnded: true }),
    signUp: async ({ name, email, password }) => attempt(async () => (await authClient()).signUp.email({ name, email, password }), signedInAs),
    signIn: async ({ email, password }) => attempt(async () => (await authClient()).signIn.email({ email, password }), signedInAs),
    signInWith: async (provider) => {
      // The provider's page comes next; back here, the callback has signed the browser in.
      await attempt(async () => (await authClient()).signIn.social({ provider, callbackURL: '/chat', errorCallbackURL: '/account' }));
    },
    signOut: async ({ everywhere }) =>
      attempt(async () => {
        const client = await authClient();
        if (everywhere) {
          const revoked = await client.revokeSessions();
          if (revoked.error) return revoked;
        }
        return client.signOut();
      }, signedOut),
    deleteAccount: async (password) => attempt(async () => (await authClient()).deleteUser(password ? { password } : {}), signedOut),
  };
});

/**
 * Who is signed in, for a component the server rendered for `renderedFor`: that, until the browser's
 * store has started from it (never on the server, where the store would be shared by every request).
 */
export function useSignedInUser(renderedFor: AccountUser | null): AccountUser | null {
  const { started, user } = useAccount();
  return started ? user : renderedFor;
}
