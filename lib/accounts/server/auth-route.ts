import 'server-only';
import { rillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { clientOf } from '@/lib/server/client-identity';
import { jsonError, jsonOnFailure } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import { createClientBudget, type ClientBudget, type ClientLimits } from '@/lib/server/rate-limit';
import { sharedRedis } from '@/lib/server/redis';
import { NoAccounts, sharedAccounts, type Accounts } from './accounts';

export interface AuthRouteServices {
  accounts: () => Promise<Accounts>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  /** Sign-in and sign-up attempts per client: what stands between a password and someone guessing it. */
  attempts: ClientBudget;
  attemptsPerMinute: number;
}

const ATTEMPT_PATHS = /\/(sign-in|sign-up)\//;

export const noAccountsMessage = 'Accounts need a database: this deployment keeps chats in the browser only (set DATABASE_URL to turn accounts on).';
export const accountsUnavailableMessage = 'Signing in is not possible just now: the server cannot reach its database. Your chats stay in this browser meanwhile.';

function defaultServices(): AuthRouteServices {
  return processSingleton('auth-route-services', () => {
    const { signInAttemptsPerMinute } = rillConfig().auth;
    return {
      accounts: sharedAccounts,
      limits: pipelineServices().limits,
      attempts: createClientBudget(sharedRedis(), 'sign-in', signInAttemptsPerMinute, 60),
      attemptsPerMinute: signInAttemptsPerMinute,
    };
  });
}

/**
 * /api/auth/* — better-auth's own endpoints (sign-up, sign-in, OAuth, sessions, account deletion),
 * behind Rill's request budget and a budget of sign-in attempts per client. better-auth checks the
 * origin of every request that changes something (its CSRF defence); OAuth callbacks arrive as
 * navigations from the provider, so no same-site rule is added here.
 */
export function authRoute(services: () => AuthRouteServices = defaultServices) {
  return jsonOnFailure(async function handle(request: Request): Promise<Response> {
    const current = services();
    const client = clientOf(request);
    const overBudget = await current.limits.admitRequest(client);
    if (overBudget) return jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter });
    if (request.method === 'POST' && ATTEMPT_PATHS.test(new URL(request.url).pathname)) {
      const tooMany = await current.attempts.spend(client);
      if (tooMany) {
        return jsonError(429, `Too many sign-in attempts: at most ${current.attemptsPerMinute} a minute. Try again in ${tooMany.retryAfter} s.`, { code: 'rate_limited', retryAfter: tooMany.retryAfter });
      }
    }
    let accounts: Accounts;
    try {
      accounts = await current.accounts();
    } catch (error) {
      if (error instanceof NoAccounts) return jsonError(503, noAccountsMessage, { code: 'unavailable' });
      console.error('Accounts are unavailable:', error instanceof Error ? error.message : String(error));
      return jsonError(503, accountsUnavailableMessage, { code: 'unavailable', retryAfter: 5 });
    }
    return accounts.auth.handler(request);
  });
}
