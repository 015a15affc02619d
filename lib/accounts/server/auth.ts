import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { PASSWORD_LENGTH } from '@/lib/accounts/account-user';
import type { AuthConfig } from '@/lib/config';
import { accounts, sessions, users, verifications } from '@/lib/db/auth-schema';
import { createArenaStore } from '@/lib/db/arena-store';
import { createAttachmentStore } from '@/lib/db/attachment-store';
import type { ConversationStore } from '@/lib/db/conversation-store';
import type { Database } from '@/lib/db/database';
import { createShareStore } from '@/lib/db/share-store';
import { createGlossaryListStore } from '@/lib/db/glossary-list-store';
import { createPromptLibraryStore } from '@/lib/db/prompt-library-store';
import { GUEST_COOKIE, isHttps, type createGuestIdentity } from './guest-identity';
import { userOwnerId } from './owner-ids';

export const SESSION_COOKIE_PREFIX = 'rill';

export interface AuthDependencies {
  db: Database;
  secret: string;
  config: AuthConfig;
  store: ConversationStore;
  guests: ReturnType<typeof createGuestIdentity>;
}

/**
 * better-auth, on Rill's database: email + password (its scrypt hashing), GitHub and Google when
 * configured, sessions in an HttpOnly cookie checked against the database on every use (no cookie
 * cache: a revoked session ends at once, everywhere). Its CSRF defences stay on: a request that
 * changes something must come from a trusted origin.
 *
 * Two things are Rill's own: a guest who signs in or up hands their chats to the account (and stops
 * being that guest), and deleting an account deletes its chats first. Share links follow the chats.
 */
export function createAuth({ db, secret, config, store, guests }: AuthDependencies) {
  return betterAuth({
    appName: 'Rill',
    secret,
    baseURL: config.publicUrl,
    // Without a public URL, the address the browser used (its Host header) is Rill's own origin.
    trustedOrigins: config.publicUrl ? [config.publicUrl] : (request) => (request ? [hostOrigin(request)] : []),
    database: drizzleAdapter(db, { provider: 'pg', schema: { user: users, session: sessions, account: accounts, verification: verifications } }),
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_LENGTH.min, maxPasswordLength: PASSWORD_LENGTH.max, autoSignIn: true },
    socialProviders: {
      ...(config.github ? { github: config.github } : {}),
      ...(config.google ? { google: config.google } : {}),
    },
    session: { expiresIn: config.sessionDays * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          await store.removeOwner(userOwnerId(user.id));
          await createShareStore(db).removeOwner(userOwnerId(user.id));
          await createPromptLibraryStore(db).removeOwner(userOwnerId(user.id));
          await createGlossaryListStore(db).removeOwner(userOwnerId(user.id));
          await createAttachmentStore(db).removeOwner(userOwnerId(user.id));
          await createArenaStore(db).removeOwner(userOwnerId(user.id));
        },
      },
    },
    // Rill's own per-client budgets (shared through Redis by every instance) count these requests instead.
    rateLimit: { enabled: false },
    advanced: { cookiePrefix: SESSION_COOKIE_PREFIX, useSecureCookies: config.secureCookies },
    telemetry: { enabled: false },
    // Its warnings are about OAuth set-up (a missing base URL) and users' typos (a short password):
    // worth an operator's eye only once a provider is on.
    logger: { level: config.github || config.google ? 'warn' : 'error' },
    hooks: {
      after: createAuthMiddleware(async (context) => {
        const created = context.context.newSession;
        const guest = context.headers ? guests.guestOf({ headers: context.headers }) : null;
        if (!created || !guest) return;
        await store.transfer(guest, userOwnerId(created.user.id));
        await createShareStore(db).transfer(guest, userOwnerId(created.user.id));
        await createPromptLibraryStore(db).transfer(guest, userOwnerId(created.user.id));
        await createGlossaryListStore(db).transfer(guest, userOwnerId(created.user.id));
        await createAttachmentStore(db).transfer(guest, userOwnerId(created.user.id));
        await createArenaStore(db).transfer(guest, userOwnerId(created.user.id));
        context.setCookie(GUEST_COOKIE, '', { path: '/', maxAge: 0 });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

function hostOrigin(request: Request): string {
  return `${isHttps(request) ? 'https' : 'http'}://${request.headers.get('host') ?? new URL(request.url).host}`;
}
