import type { RillErrorCode } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import type { LimitReason } from './rate-limit';

/**
 * What happened to each API request, told to whoever listens (the logger and the metrics registry),
 * so request handling does not know about logging or Prometheus and they do not know about routes.
 */
export interface RequestSummary {
  requestId: string;
  route: string;
  status: number;
  /** Hash of the client address: countable per client, never the address itself. */
  clientHash: string;
  model?: string;
  ttftMs?: number;
  durationMs: number;
  inputTokens?: number;
  outputTokens?: number;
  /** How the answer was produced: a fresh upstream call, the response cache, or joined to one in flight. */
  source: 'upstream' | 'cache' | 'coalesced' | 'none';
  /** Set when the answer or the request failed. */
  errorCode?: RillErrorCode;
  /** The client went away before the answer ended. */
  aborted?: boolean;
  /** Set on a 429 from Rill's own limits: which one refused the request. */
  rateLimited?: LimitReason;
  /** Only when RILL_LOG_CONTENT=1: the prompt and answer text, for local debugging. */
  content?: { prompt: string; answer: string };
}

export type RequestEvent =
  | { type: 'request-end'; summary: RequestSummary }
  | { type: 'stream-open'; route: string }
  | { type: 'stream-close'; route: string };

type Listener = (event: RequestEvent) => void;

// Observers subscribe in instrumentation.ts and routes emit: Next bundles them apart, so the listeners
// are one set per process, not per copy of this module.
const listeners = processSingleton('request-event-listeners', () => new Set<Listener>());

export const requestEvents = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  emit(event: RequestEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // An observer's failure must never break a user's request.
      }
    }
  },
};
