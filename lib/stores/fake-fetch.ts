import type { AnswerChunk } from '@/lib/protocol/chunks';
import { SSE_DONE, sseFrame } from '@/lib/protocol/chunks';

/**
 * For the stores' tests: a `fetch` that answers the way Rill's routes do (the UI message stream over
 * SSE, JSON errors), one step at a time as the test says, so a test can look at a store mid-answer.
 * Aborting a request behaves as in a browser: the fetch rejects, or the body being read errors.
 */
export interface FakeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  /** Starts (if not yet) and streams pieces of answer text. */
  text: (...deltas: string[]) => Promise<void>;
  /** Sends a chunk as it is. */
  chunk: (chunk: AnswerChunk) => Promise<void>;
  /** Ends the answer: its finish chunk (with metadata) and [DONE]. */
  finish: (metadata?: Record<string, unknown>) => Promise<void>;
  /** Drops the connection: the body errors where it is. */
  cut: () => Promise<void>;
  /** Answers with a status and a JSON body instead of a stream. */
  respond: (status: number, body?: unknown, headers?: Record<string, string>) => Promise<void>;
}

/** `settle`: what lets the code under test run after each step; a test with fake timers passes its own. */
export function fakeFetch({ settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0)) }: { settle?: () => Promise<unknown> } = {}) {
  const requests: FakeRequest[] = [];
  const waiting: ((request: FakeRequest) => void)[] = [];
  let taken = 0;

  const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? new AbortController().signal;
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      let started = false;
      const encoder = new TextEncoder();
      const start = () => {
        if (started) return;
        started = true;
        resolve(new Response(new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) }), { headers: { 'content-type': 'text/event-stream' } }));
      };
      const write = (text: string) => {
        start();
        controller?.enqueue(encoder.encode(text));
      };
      let textStarted = false;
      const request: FakeRequest = {
        url: String(input),
        method: init.method ?? 'GET',
        headers: (init.headers ?? {}) as Record<string, string>,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        signal,
        text: async (...deltas) => {
          if (!textStarted) {
            textStarted = true;
            write(sseFrame({ type: 'start' }) + sseFrame({ type: 'text-start', id: 't' }));
          }
          for (const delta of deltas) write(sseFrame({ type: 'text-delta', id: 't', delta }));
          await settle();
        },
        chunk: async (chunk) => {
          write(sseFrame(chunk));
          await settle();
        },
        finish: async (metadata) => {
          write(sseFrame({ type: 'finish', ...(metadata ? { messageMetadata: metadata } : {}) }) + SSE_DONE);
          controller?.close();
          await settle();
        },
        cut: async () => {
          start();
          controller?.error(new TypeError('network error'));
          await settle();
        },
        respond: async (status, body, headers = {}) => {
          started = true;
          resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }));
          await settle();
        },
      };
      signal.addEventListener('abort', () => {
        const error = new DOMException('The user aborted a request.', 'AbortError');
        if (!started) reject(error);
        else controller?.error(error);
      });
      requests.push(request);
      const waiter = waiting.shift();
      if (waiter) {
        taken++;
        waiter(request);
      }
    });

  return {
    fetch,
    requests,
    settle,
    /** The next request the code under test makes (or the one it already made and nobody took). */
    next: (): Promise<FakeRequest> => new Promise((resolve) => (taken < requests.length ? resolve(requests[taken++]!) : waiting.push(resolve))),
  };
}
