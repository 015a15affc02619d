/** A signed-in user, as the pages show them and the server tells them. */
export interface AccountUser {
  id: string;
  name: string;
  email: string;
}

/** The OAuth providers Rill can sign in with, each switched on by its client id and secret. */
export type OAuthProvider = 'github' | 'google';

/** What a password must be: checked by the form as it is typed, and by better-auth on the server. */
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;
