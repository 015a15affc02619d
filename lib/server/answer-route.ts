import 'server-only';
import { UI_MESSAGE_STREAM_HEADERS } from 'ai';
import type { z } from 'zod';
import { codeForStatus } from '@/lib/errors';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { tokensSpent } from '@/lib/protocol/metadata';
import { STREAM_ID_HEADER, STREAM_ID_PATTERN } from '@/lib/protocol/stream-id';
import { AnswerRun, type ReadObserver } from './answer-run';
import { clientOf, ownedByClient } from './client-identity';
import { parseJsonRequest, type ParsedRequest } from './json-request';
import { jsonError, jsonOnFailure } from './json-response';
import { pipelineServices, type PipelineServices } from './pipeline-services';
import { requestEvents, type RequestSummary } from './request-events';
import { refusedBeforeBudget } from './request-guard';
import { requesterByAddress, signedOutResponse, type IdentifyRequester, type Requester } from './requester';
import { replayCached, requestKey } from './response-cache';

export interface AnswerRouteContext {
  requestId: string;
  clientHash: string;
  requester: Requester;
  /** Aborted when no reader is left (every client that asked went away): cancels the upstream call. */
  signal: AbortSignal;
}

export interface AnswerRouteOptions<Schema extends z.ZodType, Input = z.output<Schema>> {
  /** Name used in logs and metrics, e.g. 'chat'. */
  route: string;
  schema: Schema;
  maxBodyBytes?: number;
  /**
   * The validated body made into what the answer needs from what the requester keeps (e.g. the files
   * a message names), or the response that refuses it (a file that is missing): before a stream slot
   * is taken. Without it the answer gets the body as it was validated.
   */
  prepare?: (input: z.output<Schema>, requester: Requester) => Promise<ParsedRequest<Input>>;
  answer: (input: Input, context: AnswerRouteContext) => AsyncIterable<AnswerChunk>;
  /** Why the model the input names may not be used (400, not sent to the provider); checked before a stream slot is taken. */
  refuseModel?: (input: z.output<Schema>) => Promise<string | undefined>;
  /**
   * What makes two requests the same answer, for the response cache and for coalescing requests in
   * flight: return it only when the answer is deterministic (e.g. temperature 0, a translation) and
   * undefined otherwise. Without this option a route never caches or coalesces.
   */
  cacheKey?: (input: Input) => unknown;
  /** Who is asking (a signed-in user has budgets of their own); by address unless given. */
  identify?: IdentifyRequester;
  /** Hears every admitted request's answer as it runs, whether it comes from the model, the cache or another request: e.g. to save it. */
  onAnswer?: (input: Input, run: AnswerRun, context: Omit<AnswerRouteContext, 'signal'>) => void;
}

/**
 * Builds the POST handler of a streaming answer route. Every such route goes through here, in this
 * order: same-site JSON request, request budget, JSON validation, the model it names, stream slot and daily quota, then the answer from the
 * cache, from an identical request in flight, or from the model; the answer can be resumed after a
 * reload when the client gave it a stream id. Each request ends in one `request-end` event.
 */
export function answerRoute<Schema extends z.ZodType, Input = z.output<Schema>>(options: AnswerRouteOptions<Schema, Input>, services: () => PipelineServices = pipelineServices) {
  return jsonOnFailure(async function POST(request: Request): Promise<Response> {
    const { limits, cache, coalescer, resumable, cacheNamespace } = services();
    const startedAt = performance.now();
    const requestId = crypto.randomUUID();
    const clientHash = clientOf(request);
    const summary: RequestSummary = { requestId, route: options.route, status: 200, clientHash, durationMs: 0, source: 'none' };
    const refuse = (response: Response, extra: Partial<RequestSummary> = {}) => {
      Object.assign(summary, { status: response.status, errorCode: codeForStatus(response.status), durationMs: performance.now() - startedAt }, extra);
      requestEvents.emit({ type: 'request-end', summary });
      return response;
    };

    const refused = refusedBeforeBudget(request, { expectsJson: true });
    if (refused) return refuse(refused);
    const requester = await (options.identify ?? requesterByAddress)(request);
    if (requester.signedOut) return refuse(signedOutResponse(requester.signedOut));
    const overBudget = await limits.admitRequest(requester.limitKey);
    if (overBudget) return refuse(jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter }), { rateLimited: overBudget.reason });

    const parsed = await parseJsonRequest(request, options.schema, { maxBytes: options.maxBodyBytes });
    if (!parsed.ok) return refuse(parsed.response);
    const modelRefused = await options.refuseModel?.(parsed.data);
    if (modelRefused) return refuse(jsonError(400, modelRefused, { code: 'model_not_found' }));
    // Without `prepare`, Input is the schema's output (its default).
    const prepared = options.prepare ? await options.prepare(parsed.data, requester) : { ok: true as const, data: parsed.data as Input };
    if (!prepared.ok) return refuse(prepared.response);
    const input = prepared.data;
    const streamId = request.headers.get(STREAM_ID_HEADER) ?? undefined;
    if (streamId !== undefined && !STREAM_ID_PATTERN.test(streamId)) {
      return refuse(jsonError(400, `${STREAM_ID_HEADER} must be 8-100 letters, digits, '-' or '_'.`));
    }

    const admission = await limits.admitStream(requester.limitKey);
    if ('reason' in admission) return refuse(jsonError(429, admission.message, { code: 'rate_limited', retryAfter: admission.retryAfter }), { rateLimited: admission.reason });

    const material = options.cacheKey?.(input);
    const key = material === undefined ? undefined : requestKey({ namespace: cacheNamespace, route: options.route, material });
    const useCache = key !== undefined && cache !== null && !optsOutOfCache(request.headers);
    const cached = useCache ? await cache.get(key) : undefined;

    let run: AnswerRun;
    if (cached) {
      run = new AnswerRun(() => replayCached(cached));
      summary.source = 'cache';
      void admission.settle(0);
    } else {
      const started = await coalescer.startOrJoin(key, (signal) => options.answer(input, { requestId, clientHash, requester, signal }));
      run = started.run;
      summary.source = started.joined ? 'coalesced' : 'upstream';
      // The request that started the call pays for it, whoever is still reading when it ends; it ends
      // for every reader with what it cost so far, however it ended.
      if (started.joined) void admission.settle(0);
      else {
        void run.outcome.then(async ({ frames, fold, complete }) => {
          // The cache first: the run's coalescing claim is released as it ends, and an identical
          // request arriving after that should find the answer here, not call the model again.
          if (useCache && complete) await cache.set(key, frames);
          await admission.settle(tokensSpent(fold.metadata));
        });
      }
    }

    options.onAnswer?.(input, run, { requestId, clientHash, requester });
    const release = run.retain();
    // Resumable under the client's own copy of the id: another client's GET or DELETE of it finds nothing.
    const resumeKey = streamId === undefined ? undefined : ownedByClient(clientHash, streamId);
    if (resumeKey !== undefined && !(await resumable.register(resumeKey, run))) {
      release();
      admission.release();
      return refuse(jsonError(409, `An answer with this ${STREAM_ID_HEADER} already exists.`));
    }
    const onClose = (aborted: boolean) => {
      admission.release();
      // A resumable answer outlives its first reader's connection: the browser may be reloading.
      if (aborted && resumeKey !== undefined) resumable.park(resumeKey, release);
      else release();
    };
    return new Response(run.readBytes(measured(run, summary, startedAt, onClose)), {
      headers: { ...UI_MESSAGE_STREAM_HEADERS, 'x-request-id': requestId, ...(streamId === undefined ? {} : { [STREAM_ID_HEADER]: streamId }) },
    });
  });
}

/** `cache-control: no-cache` (or no-store) asks for a fresh answer, as it would of an HTTP cache. */
function optsOutOfCache(headers: Headers): boolean {
  return /\bno-(cache|store)\b/i.test(headers.get('cache-control') ?? '');
}

/** Notes this reader's first token and how its answer ended, for its request's log line and metrics. */
function measured(run: AnswerRun, summary: RequestSummary, startedAt: number, onClose: (aborted: boolean) => void): ReadObserver {
  requestEvents.emit({ type: 'stream-open', route: summary.route });
  return {
    onFirstText: () => {
      summary.ttftMs = performance.now() - startedAt;
    },
    onEnd: (aborted) => {
      const outcome = run.fold.end({ stopped: aborted });
      const { metadata } = run.fold;
      Object.assign(summary, {
        durationMs: performance.now() - startedAt,
        aborted: outcome.status === 'stopped' || undefined,
        errorCode: outcome.status === 'error' ? outcome.error.code : undefined,
        model: metadata.model,
        inputTokens: metadata.inputTokens,
        outputTokens: metadata.outputTokens,
      });
      onClose(aborted);
      requestEvents.emit({ type: 'stream-close', route: summary.route });
      requestEvents.emit({ type: 'request-end', summary });
    },
  };
}
