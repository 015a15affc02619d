import { createAuthClient } from 'better-auth/client';

/** better-auth's browser client, on Rill's /api/auth routes (same origin). Loaded only when someone signs in or manages their account. */
export const authClient = createAuthClient({ basePath: '/api/auth' });
