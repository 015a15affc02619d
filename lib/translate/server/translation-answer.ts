import 'server-only';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { FinishReason } from 'ai';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { resolveModel } from '@/lib/ai/provider';
import { countTokens } from '@/lib/ai/tokens';
import { rillConfig } from '@/lib/config';
import { encodeStreamError, rillError } from '@/lib/errors';
import { AnswerFold } from '@/lib/protocol/answer-fold';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { entriesUsedIn } from '../glossary';
import { createLanguageHeaderReader } from '../language-header';
import { AUTO_DETECT, isLanguageCode } from '../languages';
import { buildTranslationPrompt } from '../prompt';
import type { TranslateRequest } from '../request-schema';
import { MAX_SEGMENT_CHARS, splitIntoSegments } from '../segments';
import { offlineTranslator } from './offline-translation';
import { orderedConcurrent, type StreamingTask } from './ordered-concurrent';

/** Model calls one translation runs at once; more would mostly trade provider rate limits for speed. */
export const TRANSLATION_CONCURRENCY = 3;

export interface TranslationAnswerOptions {
  /** The configured default model unless given. */
  model?: LanguageModelV4;
  request: TranslateRequest;
  /** The request's signal: aborting it cancels every model call of this translation. */
  abortSignal: AbortSignal;
  concurrency?: number;
  maxSegmentChars?: number;
}

type SegmentEvent =
  | { type: 'text'; text: string }
  | { type: 'language'; code: string }
  | { type: 'error'; errorText: string }
  | { type: 'finish'; metadata: AnswerMetadata; finishReason: FinishReason | undefined };

const TEXT_ID = 'translation';

/**
 * Streams a translation as one answer (the same UI message stream protocol as chat). Long text is cut
 * at paragraph boundaries and the pieces are translated in parallel, a few at a time, and streamed
 * back in order.
 *
 * The fan-out happens here, inside one request, rather than in the browser: one request is one
 * answer to measure, one SSE stream to read and one signal to cancel (the browser aborting its fetch
 * reaches every model call through `abortSignal`), the concurrency bound protects the provider
 * however many tabs are open, and chat's "Translate to…" gets long-text handling for free.
 */
export function translationAnswer(options: TranslationAnswerOptions): AsyncGenerator<AnswerChunk> {
  return translationChunks(options, options.abortSignal);
}

async function* translationChunks(options: TranslationAnswerOptions, signal: AbortSignal): AsyncGenerator<AnswerChunk> {
  const { request } = options;
  const model = options.model ?? (rillConfig().model.mode === 'offline' ? offlineTranslator() : resolveModel());
  const startedAt = performance.now();
  const segments = splitIntoSegments(request.text, options.maxSegmentChars ?? MAX_SEGMENT_CHARS);
  // Each piece carries only the glossary terms it uses: the model is not told about terms it will not see.
  const tasks = segments.map(
    (segment): StreamingTask<SegmentEvent> =>
      (taskSignal) =>
        segmentEvents(model, { ...request, text: segment.text, glossary: entriesUsedIn(segment.text, request.glossary ?? []) }, taskSignal),
  );
  const summary: AnswerMetadata = { model: model.modelId };
  // Usage is summed over the pieces; absent, not 0, when the provider reported none.
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let finishReason: FinishReason | undefined;
  let written = 0;
  const sent: string[] = [];
  // A translation stopped (a newer edit) or failed after text went out still cost that text, and its
  // source, counted: the daily quota is charged for it.
  const usageSoFar = (): AnswerChunk[] =>
    sent.length === 0 ? [] : [{ type: 'message-metadata', messageMetadata: { inputTokens: countTokens(request.text), outputTokens: countTokens(sent.join('')) } }];

  yield { type: 'start', messageMetadata: { model: model.modelId } };
  yield { type: 'text-start', id: TEXT_ID };
  try {
    for await (const { index, item } of orderedConcurrent(tasks, { limit: options.concurrency ?? TRANSLATION_CONCURRENCY, signal })) {
      switch (item.type) {
        case 'text':
          // The blank lines between paragraphs go out just before the next paragraph's first words.
          for (; written < index; written++) yield { type: 'text-delta', id: TEXT_ID, delta: segments[written]?.separator ?? '' };
          summary.ttftMs ??= round(performance.now() - startedAt);
          sent.push(item.text);
          yield { type: 'text-delta', id: TEXT_ID, delta: item.text };
          break;
        case 'language':
          if (summary.detectedLanguage === undefined && isLanguageCode(item.code)) {
            summary.detectedLanguage = item.code;
            yield { type: 'message-metadata', messageMetadata: { detectedLanguage: item.code } };
          }
          break;
        case 'finish':
          inputTokens = addUsage(inputTokens, item.metadata.inputTokens);
          outputTokens = addUsage(outputTokens, item.metadata.outputTokens);
          // 'length' on any piece means the whole translation was cut short.
          if (finishReason === undefined || finishReason === 'stop') finishReason = item.finishReason;
          break;
        case 'error':
          yield { type: 'text-end', id: TEXT_ID };
          yield* usageSoFar();
          yield { type: 'error', errorText: item.errorText };
          return;
      }
    }
  } catch {
    yield* usageSoFar();
    yield { type: 'error', errorText: encodeStreamError(rillError('unknown', 'The translation failed unexpectedly. Try again.')) };
    return;
  }
  if (signal.aborted) {
    yield* usageSoFar();
    return;
  }
  yield { type: 'text-end', id: TEXT_ID };
  yield {
    type: 'finish',
    finishReason,
    messageMetadata: { ...summary, inputTokens, outputTokens, durationMs: round(performance.now() - startedAt), finishReason },
  };
}

/** One segment's model answer, with the language header taken out of its text. */
async function* segmentEvents(model: LanguageModelV4, request: TranslateRequest, abortSignal: AbortSignal): AsyncGenerator<SegmentEvent> {
  const { instructions, prompt } = buildTranslationPrompt(request);
  const header = request.source === AUTO_DETECT ? createLanguageHeaderReader() : undefined;
  const pending: SegmentEvent[] = [];
  const fold = new AnswerFold({
    onText: (delta) => {
      const { text, language } = header ? header.push(delta) : { text: delta };
      if (language) pending.push({ type: 'language', code: language });
      if (text) pending.push({ type: 'text', text });
    },
  });
  for await (const chunk of streamAnswer({ model, instructions, messages: [{ role: 'user', content: prompt }], temperature: 0, abortSignal })) {
    fold.add(chunk);
    yield* pending.splice(0);
  }
  const rest = header?.flush();
  if (rest) yield { type: 'text', text: rest };
  const end = fold.end({ stopped: abortSignal.aborted });
  if (end.status === 'error') yield { type: 'error', errorText: encodeStreamError(end.error) };
  else if (end.status === 'done') yield { type: 'finish', metadata: fold.metadata, finishReason: fold.metadata.finishReason as FinishReason | undefined };
}

function addUsage(total: number | undefined, tokens: number | undefined): number | undefined {
  return tokens === undefined ? total : (total ?? 0) + tokens;
}

/** The same text, languages, tone and glossary terms translate the same way: repeats (retyping,
 * history) are served from the cache, and identical requests in flight share one model call. */
export function translationCacheKey(request: TranslateRequest) {
  return { model: rillConfig().model.defaultModel, ...request };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
