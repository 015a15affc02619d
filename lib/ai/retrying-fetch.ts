import { retryAfterMs } from './retry-after';

/**
 * A fetch for provider calls that retries what is worth retrying (429, 5xx, a refused connection)
 * a bounded number of times, honouring `retry-after`. A wait longer than `maxWaitMs` is not sat out:
 * the response goes back at once so the user sees "try again in N s" instead of a frozen answer.
 * The AI SDK's own retries are turned off where this is used; they would wait up to a minute.
 */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, baseDelayMs: 300, maxWaitMs: 4_000 };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function createRetryingFetch(policy: RetryPolicy = defaultRetryPolicy, baseFetch: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const signal = init?.signal ?? undefined;
      let response: Response;
      try {
        response = await baseFetch(input, init);
      } catch (error) {
        if (signal?.aborted || attempt >= policy.maxRetries) throw error;
        await sleep(backoff(policy, attempt), signal);
        continue;
      }
      if (response.ok || !RETRYABLE_STATUS.has(response.status) || attempt >= policy.maxRetries) return response;
      const wait = retryAfterMs(response.headers) ?? backoff(policy, attempt);
      if (wait > policy.maxWaitMs) return response;
      await response.body?.cancel();
      await sleep(wait, signal);
    }
  };
}

function backoff(policy: RetryPolicy, attempt: number): number {
  return policy.baseDelayMs * 2 ** attempt;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
