import type { RillErrorCode } from '@/lib/errors';

/** Failures that come from the model provider (or the way to it), as opposed to the client's request. */
const upstreamCodes: ReadonlySet<RillErrorCode> = new Set(['auth', 'model_not_found', 'unavailable', 'network', 'interrupted', 'timeout', 'unknown']);

export function isUpstreamError(code: RillErrorCode | undefined): code is RillErrorCode {
  return code !== undefined && upstreamCodes.has(code);
}

export function isRateLimited(summary: { status: number; errorCode?: RillErrorCode }): boolean {
  return summary.status === 429 || summary.errorCode === 'rate_limited';
}
