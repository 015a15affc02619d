import type { LanguageModelV4 } from '@ai-sdk/provider';
import {
  experimental_streamTextLowMemory as streamText,
  toUIMessageChunk,
  type LanguageModelUsage,
  type ModelMessage,
  type TextStreamPart,
  type ToolSet,
} from 'ai';
import { rillConfig } from '@/lib/config';
import { encodeStreamError, rillError, type RillError } from '@/lib/errors';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { countPromptTokens, countTokens } from './tokens';
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
 * One model answer as UI message stream chunks (lib/protocol). Every feature (chat, translation,
 * panels, rooms) answers through here, so failures, timings and usage are told the same way
 * everywhere. It reads `streamText`'s parts in one loop and turns each into its chunk there, rather
 * than through a chain of stream stages: each token costs one object on its way to the wire. The
 * low-memory variant of `streamText` keeps no replay copy: nothing here reads the stream twice.
 */
export async function* streamAnswer(request: AnswerRequest): AsyncGenerator<AnswerChunk> {
  const startedAt = performance.now();
  const limits = request.limits ?? rillConfig().pipeline;
  const model = request.model.modelId;
  let firstTokenAt: number | undefined;
  let reasoningStartedAt: number | undefined;
  let reasoningMs: number | undefined;
  /** Once the model stops thinking (its reasoning ends, or its answer starts), how long it thought, told at once. */
  const reasoningEnded = (): AnswerChunk[] => {
    if (reasoningStartedAt === undefined || reasoningMs !== undefined) return [];
    reasoningMs = round(performance.now() - reasoningStartedAt);
    return [{ type: 'message-metadata', messageMetadata: { reasoningMs } }];
  };
  const watchdog = answerWatchdog(limits);
  // Kept only to count: an answer that ends without the provider's usage still cost what it streamed.
  const streamed: string[] = [];
  const countedUsage = () => ({
    inputTokens: countPromptTokens(request.instructions, request.messages),
    outputTokens: countTokens(streamed.join('')),
  });
  /** Before an answer ends short of its finish (stopped, failed, timed out), what it cost so far, if it began. */
  const usageSoFar = (): AnswerChunk[] => (firstTokenAt === undefined ? [] : [{ type: 'message-metadata', messageMetadata: countedUsage() }]);

  const result = streamText({
    model: request.model,
    instructions: request.instructions,
    messages: request.messages,
    temperature: request.temperature,
    maxOutputTokens: Math.min(request.maxOutputTokens ?? limits.maxOutputTokens, limits.maxOutputTokens),
    abortSignal: AbortSignal.any([request.abortSignal, watchdog.signal]),
    // Provider fetches retry on their own with a bounded wait (see retrying-fetch.ts); the watchdog's
    // abort also ends a retry, so none outlasts the timeout.
    maxRetries: 0,
    // The default handler console.logs the whole error, request body (the user's prompt) included.
    // Failures reach the client as error chunks and the logs through request events instead.
    onError: () => {},
  });
  const failed = (error: RillError): AnswerChunk => ({ type: 'error', errorText: encodeStreamError(error) });
  // Whatever shape the watchdog's abort takes on its way out of the SDK (an abort part, an error
  // part, a throw), the answer ends with the timeout the watchdog named.
  const failure = (error: unknown) => watchdog.timeout() ?? classifyUpstreamError(error, { streamedText: firstTokenAt !== undefined });

  // The id a stock AI SDK client gives the assistant message, so that resuming the stream continues
  // that message instead of adding a second one.
  yield { type: 'start', messageId: crypto.randomUUID(), messageMetadata: { ...request.metadata, model } };
  try {
    for await (const part of result.stream as AsyncIterable<TextStreamPart<ToolSet>>) {
      switch (part.type) {
        case 'text-delta':
          // The hot path, mapped here as toUIMessageChunk would (less provider metadata, which no reader uses).
          firstTokenAt ??= performance.now();
          watchdog.heard(true);
          if (reasoningMs === undefined) yield* reasoningEnded();
          streamed.push(part.text);
          yield { type: 'text-delta', id: part.id, delta: part.text };
          break;
        case 'error':
          yield* usageSoFar();
          yield failed(failure(part.error));
          return;
        case 'abort':
          yield* usageSoFar();
          yield request.abortSignal.aborted ? { type: 'abort' } : failed(failure(new DOMException('The model went silent', 'TimeoutError')));
          return;
        case 'finish': {
          // AI SDK 7 reports a provider stream that ended without its finish reason as 'interrupted'.
          if (part.finishReason === 'interrupted') {
            yield* usageSoFar();
            yield failed(rillError('interrupted', 'The model stopped before finishing its answer. The text so far is kept.'));
            return;
          }
          // Counted from the text when the provider reported no usage (some local servers do not).
          const usage = reportedOr(part.totalUsage, countedUsage);
          yield {
            type: 'finish',
            finishReason: part.finishReason,
            messageMetadata: {
              ...request.metadata,
              model,
              ttftMs: firstTokenAt === undefined ? undefined : round(firstTokenAt - startedAt),
              durationMs: round(performance.now() - startedAt),
              reasoningMs,
              ...usage,
              reasoningTokens: reasoningTokensOf(part.totalUsage, usage.outputTokens, reasoningStartedAt !== undefined, () => countTokens(streamed.join(''))),
              finishReason: part.finishReason,
            },
          };
          return;
        }
        default: {
          // Reasoning is the model answering too: it counts as the first token, and keeps an answer alive.
          watchdog.heard(part.type === 'reasoning-delta');
          if (part.type === 'reasoning-delta') reasoningStartedAt ??= performance.now();
          if (part.type === 'reasoning-end') yield* reasoningEnded();
          const chunk = toUIMessageChunk(part, { sendStart: false, sendFinish: false });
          if (chunk) yield chunk as AnswerChunk;
        }
      }
    }
  } catch (error) {
    // A provider stream that breaks mid-body (the connection is cut) throws instead of yielding an
    // error part: tell the browser, which keeps the text it has.
    yield* usageSoFar();
    yield failed(failure(error));
  } finally {
    watchdog.stop();
  }
}

/**
 * Bounds every wait of an answer with timers of its own, started before the provider is called: the
 * first-token limit covers connecting, the response headers and the first token; after it, the idle
 * limit covers any silence. When one fires it aborts the provider call (and any retry in flight).
 * The AI SDK's own first-chunk timer starts only once a response stream exists, so a provider that
 * accepts the connection and never answers would hold the answer, and the client's stream slot, for
 * as long as Node lets a socket wait for headers.
 */
function answerWatchdog({ firstTokenTimeoutMs, streamIdleTimeoutMs }: AnswerLimits) {
  const controller = new AbortController();
  let timedOut: RillError | undefined;
  let answering = false;
  const fire = (error: RillError) => () => {
    timedOut = error;
    controller.abort(new DOMException(error.message, 'TimeoutError'));
  };
  const silent = fire(rillError('timeout', 'The model stopped sending mid-answer and the wait timed out.'));
  let timer = setTimeout(fire(rillError('timeout', 'The model did not start answering in time.')), firstTokenTimeoutMs);
  // Per token only a timestamp is written; the idle timer looks at it when it fires and, if the model
  // spoke since, waits out the rest.
  let lastHeardAt = 0;
  const checkIdle = () => {
    const quietMs = performance.now() - lastHeardAt;
    if (quietMs >= streamIdleTimeoutMs) silent();
    else timer = setTimeout(checkIdle, streamIdleTimeoutMs - quietMs);
  };
  return {
    signal: controller.signal,
    /** Something arrived; `isAnswer` when it is the answer itself (text or reasoning), which starts the idle limit. */
    heard(isAnswer: boolean) {
      if (!answering) {
        if (!isAnswer) return;
        answering = true;
        clearTimeout(timer);
        timer = setTimeout(checkIdle, streamIdleTimeoutMs);
      }
      lastHeardAt = performance.now();
    },
    timeout: () => timedOut,
    stop: () => clearTimeout(timer),
  };
}

function reportedOr(usage: { inputTokens?: number; outputTokens?: number }, count: () => { inputTokens: number; outputTokens: number }) {
  if (usage.inputTokens !== undefined && usage.outputTokens !== undefined) return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
  const counted = count();
  return { inputTokens: usage.inputTokens ?? counted.inputTokens, outputTokens: usage.outputTokens ?? counted.outputTokens };
}

/**
 * How many of an answer's output tokens were reasoning: as the provider reported them (OpenAI's
 * `completion_tokens_details.reasoning_tokens`, for o-series reasoning that is never shown), else,
 * when the reasoning streamed visibly, the reported output less the answer's text counted. None when
 * the output was itself counted from the text: that count never held the reasoning.
 */
function reasoningTokensOf(usage: LanguageModelUsage, outputTokens: number, reasoningStreamed: boolean, countAnswer: () => number): number | undefined {
  const reported = usage.outputTokenDetails.reasoningTokens;
  // A 0 is left out: OpenAI reports it for every model that did not reason, and a compatible server
  // that streams its thinking in the text may fill the field with 0 all the same.
  if (reported !== undefined && reported > 0) return Math.min(reported, outputTokens);
  if (!reasoningStreamed || usage.outputTokens === undefined) return undefined;
  return Math.max(0, outputTokens - countAnswer());
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
