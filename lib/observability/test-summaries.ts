import type { RequestSummary } from '@/lib/server/request-events';

/** A finished chat request as answerRoute reports it; tests override what they are about. */
export function chatSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    requestId: 'req-1',
    route: 'chat',
    status: 200,
    clientHash: 'abc123',
    model: 'fake-small',
    ttftMs: 120,
    durationMs: 900,
    inputTokens: 12,
    outputTokens: 40,
    source: 'upstream',
    ...overrides,
  };
}
