import type { LanguageModelV4 } from '@ai-sdk/provider';
import { streamText, toUIMessageStream, type ModelMessage, type ToolSet, type UIMessage } from 'ai';
import { rillConfig } from '@/lib/config';
import { encodeStreamError } from '@/lib/errors';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { classifyUpstreamError } from './upstream-errors';

/** Bounds every answer obeys, whatever the request asks for; by default from the server's environment. */
export interface AnswerLimits {
  maxOutputTokens: number;
  /** No first token within this ends the answer with a `timeout` error. */
  firstTokenTimeoutMs: number;
  /** Silence this long between tokens ends the answer with a `timeout` error. */
  streamIdleTimeoutMs: number;
}

export interface AnswerRequest {
  model: LanguageModelV4;
  instructions?: string;
  messages: ModelMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  /** The request's signal: when the browser goes away, the provider call is cancelled with it. */
  abortSignal: AbortSignal;
  /** Facts known before the answer starts (e.g. how many old turns were trimmed). */
  metadata?: AnswerMetadata;
  limits?: AnswerLimits;
}

/**
 * Streams one model answer as AI SDK UI message chunks. Every feature (chat, translation, panels)
 * answers through here, so failures, timings and usage are reported the same way everywhere.
 */
export function streamAnswer(request: AnswerRequest): ReadableStream<AnswerChunk> {
  const startedAt = performance.now();
  let firstTokenAt: number | undefined;
  const limits = request.limits ?? rillConfig().pipeline;

  const result = streamText({
    model: request.model,
    instructions: request.instructions,
    messages: request.messages,
    temperature: request.temperature,
    maxOutputTokens: Math.min(request.maxOutputTokens ?? limits.maxOutputTokens, limits.maxOutputTokens),
    abortSignal: request.abortSignal,
    timeout: { firstChunkMs: limits.firstTokenTimeoutMs, chunkMs: limits.streamIdleTimeoutMs },
    // Provider fetches retry on their own with a bounded wait (see retrying-fetch.ts).
    maxRetries: 0,
    // The default handler console.logs the whole error, request body (the user's prompt) included.
    // Failures reach the client as error chunks and the logs through request events instead.
    onError: () => {},
    onChunk: ({ chunk }) => {
      if (firstTokenAt === undefined && chunk.type === 'text-delta') firstTokenAt = performance.now();
    },
  });

  return toUIMessageStream<ToolSet, UIMessage<AnswerMetadata>>({
    stream: errorsAsParts(result.stream, request.abortSignal),
    onError: (error) => encodeStreamError(classifyUpstreamError(error, { streamedText: firstTokenAt !== undefined })),
    messageMetadata: ({ part }): AnswerMetadata | undefined => {
      if (part.type === 'start') return { ...request.metadata, model: request.model.modelId };
      if (part.type === 'finish') {
        return {
          ...request.metadata,
          model: request.model.modelId,
          ttftMs: firstTokenAt === undefined ? undefined : round(firstTokenAt - startedAt),
          durationMs: round(performance.now() - startedAt),
          inputTokens: part.totalUsage.inputTokens,
          outputTokens: part.totalUsage.outputTokens,
          finishReason: part.finishReason,
        };
      }
      return undefined;
    },
  });
}

/**
 * A provider stream that breaks mid-body (the connection is cut) makes the AI SDK's stream throw
 * instead of yielding an error part, which would end the HTTP response without a word. Turn the
 * throw into an error part so the browser is told, and keeps the text it has. The SDK ends a timed
 * out answer as an abort; one the caller did not ask for is a timeout, and is told as one.
 */
function errorsAsParts<T extends { type: string }>(source: ReadableStream<T>, callerSignal: AbortSignal): ReadableStream<T | { type: 'error'; error: unknown }> {
  const reader = source.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else if (value.type === 'abort' && !callerSignal.aborted) controller.enqueue({ type: 'error', error: new DOMException('The model went silent', 'TimeoutError') });
        else controller.enqueue(value);
      } catch (error) {
        controller.enqueue({ type: 'error', error });
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
