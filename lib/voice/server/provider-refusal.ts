import 'server-only';
import { retryAfterMs } from '@/lib/ai/retry-after';
import { jsonError } from '@/lib/server/json-response';

/**
 * The browser's answer when the provider refused an audio or realtime request: what the user can do,
 * in Rill's error shape. The provider's own body is not passed on: it can name the account or key.
 */
export function providerRefusal(status: number, headers: Headers, feature: string): Response {
  if (status === 401 || status === 403) {
    return jsonError(502, `The model provider refused Rill’s credentials for ${feature}. The operator should check OPENAI_API_KEY.`, { code: 'auth' });
  }
  if (status === 429) {
    const waitMs = retryAfterMs(headers);
    return jsonError(503, `The model provider is busy: ${feature} is refused for now. Try again shortly.`, {
      code: 'rate_limited',
      retryAfter: waitMs === undefined ? 5 : Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
  if (status === 404) return jsonError(502, `The model provider has no ${feature} endpoint.`, { code: 'unavailable' });
  return jsonError(502, `The model provider could not start ${feature} (HTTP ${status}). Try again shortly.`, { code: 'unavailable', retryAfter: 5 });
}

/** The provider could not be reached at all. */
export const providerUnreachable = (feature: string) => jsonError(502, `Rill could not reach the model provider for ${feature}. Try again shortly.`, { code: 'unavailable', retryAfter: 5 });
