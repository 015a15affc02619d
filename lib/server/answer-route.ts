import 'server-only';
import { createUIMessageStreamResponse, type UIMessageChunk } from 'ai';
import type { z } from 'zod';
import { answerMetadataSchema, type AnswerMetadata } from '@/lib/answer-metadata';
import { decodeStreamError } from '@/lib/errors';
import { clientAddress, hashClient } from './client-identity';
import { parseJsonRequest } from './json-request';
import { requestEvents, type RequestSummary } from './request-events';

export interface AnswerRouteContext {
  requestId: string;
  clientHash: string;
  /** The request's signal: aborting it cancels the upstream call. */
  signal: AbortSignal;
}

export interface AnswerRouteOptions<Schema extends z.ZodType> {
  /** Name used in logs and metrics, e.g. 'chat'. */
  route: string;
  schema: Schema;
  maxBodyBytes?: number;
  answer: (input: z.output<Schema>, context: AnswerRouteContext) => ReadableStream<UIMessageChunk<AnswerMetadata>>;
}

/**
 * Builds the POST handler of a streaming answer route. Every such route goes through here, so input
 * validation, and what is measured and reported about each request, are the same everywhere.
 */
export function answerRoute<Schema extends z.ZodType>(options: AnswerRouteOptions<Schema>) {
  return async function POST(request: Request): Promise<Response> {
    const startedAt = performance.now();
    const requestId = crypto.randomUUID();
    const clientHash = hashClient(clientAddress(request.headers));
    const parsed = await parseJsonRequest(request, options.schema, { maxBytes: options.maxBodyBytes });
    if (!parsed.ok) {
      requestEvents.emit({
        type: 'request-end',
        summary: { requestId, route: options.route, status: parsed.response.status, clientHash, durationMs: performance.now() - startedAt, source: 'none', errorCode: 'bad_request' },
      });
      return parsed.response;
    }
    const stream = options.answer(parsed.data, { requestId, clientHash, signal: request.signal });
    const summary: RequestSummary = { requestId, route: options.route, status: 200, clientHash, durationMs: 0, source: 'upstream' };
    return createUIMessageStreamResponse({
      stream: measureAnswer(stream, summary, startedAt),
      headers: { 'x-request-id': requestId },
    });
  };
}

/** Passes the answer through untouched while noting its first token, usage and outcome. */
function measureAnswer(
  stream: ReadableStream<UIMessageChunk<AnswerMetadata>>,
  summary: RequestSummary,
  startedAt: number,
): ReadableStream<UIMessageChunk<AnswerMetadata>> {
  let ended = false;
  const end = (aborted: boolean) => {
    if (ended) return;
    ended = true;
    summary.durationMs = performance.now() - startedAt;
    summary.aborted = aborted || undefined;
    requestEvents.emit({ type: 'stream-close', route: summary.route });
    requestEvents.emit({ type: 'request-end', summary });
  };
  requestEvents.emit({ type: 'stream-open', route: summary.route });
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        end(false);
        controller.close();
        return;
      }
      note(value, summary, startedAt);
      controller.enqueue(value);
    },
    cancel(reason) {
      end(true);
      return reader.cancel(reason);
    },
  });
}

function note(chunk: UIMessageChunk<AnswerMetadata>, summary: RequestSummary, startedAt: number) {
  if (chunk.type === 'text-delta' && summary.ttftMs === undefined) summary.ttftMs = performance.now() - startedAt;
  if (chunk.type === 'error') summary.errorCode = decodeStreamError(chunk.errorText).code;
  if ((chunk.type === 'start' || chunk.type === 'finish') && chunk.messageMetadata) {
    const metadata = answerMetadataSchema.safeParse(chunk.messageMetadata);
    if (metadata.success) {
      summary.model = metadata.data.model ?? summary.model;
      summary.inputTokens = metadata.data.inputTokens ?? summary.inputTokens;
      summary.outputTokens = metadata.data.outputTokens ?? summary.outputTokens;
    }
  }
}
