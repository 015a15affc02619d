import 'server-only';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { resolveModel } from '@/lib/ai/provider';
import { rillConfig } from '@/lib/config';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { buildAlternativesPrompt } from '../alternatives';
import type { AlternativesRequest } from '../request-schema';
import { offlineTranslator } from './offline-translation';

/**
 * Other renderings of one sentence, streamed as one answer (numbered lines the page parses as they
 * arrive). Unlike a translation, these should vary, hence a temperature above 0 and no cache.
 */
export function alternativesAnswer({ request, abortSignal }: { request: AlternativesRequest; abortSignal: AbortSignal }): AsyncIterable<AnswerChunk> {
  const model = rillConfig().model.mode === 'offline' ? offlineTranslator() : resolveModel();
  const { instructions, prompt } = buildAlternativesPrompt(request);
  return streamAnswer({ model, instructions, messages: [{ role: 'user', content: prompt }], temperature: 0.7, abortSignal });
}
