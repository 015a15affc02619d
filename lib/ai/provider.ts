import './blank-env-as-unset';
import { createOpenAI } from '@ai-sdk/openai';
import { extractReasoningMiddleware, wrapLanguageModel } from 'ai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { rillConfig, type ModelConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { createOfflineModel } from './offline-model';
import { createRetryingFetch } from './retrying-fetch';

export type ModelResolver = (modelId?: string) => LanguageModelV4;

/**
 * The one place that turns configuration into a model. Routes ask for a model by id (or none for the
 * default) and never learn whether it is OpenAI, a compatible server or the offline model.
 */
export function createModelResolver(config: ModelConfig, { offlinePaceMs }: { offlinePaceMs?: number } = {}): ModelResolver {
  if (config.mode === 'offline') {
    const offline = createOfflineModel({ paceMs: offlinePaceMs });
    return () => offline;
  }
  const provider = createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, name: config.mode, fetch: createRetryingFetch() });
  if (config.mode === 'openai') return (modelId) => provider(modelId ?? config.defaultModel);
  // Compatible servers (Ollama, vLLM, LM Studio, llama.cpp) implement Chat Completions, not Responses;
  // the open reasoning models they serve (DeepSeek-R1, Qwen3, …) think out loud in <think> tags inside
  // the answer's text, which become reasoning parts here, as OpenAI's own reasoning arrives.
  const thinkTags = extractReasoningMiddleware({ tagName: 'think' });
  return (modelId) => wrapLanguageModel({ model: provider.chat(modelId ?? config.defaultModel), middleware: thinkTags });
}

/** The process-wide model resolver, built from the configuration once. */
export function resolveModel(modelId?: string): LanguageModelV4 {
  const resolve = processSingleton('model-resolver', () => {
    const { model, offlinePaceMs } = rillConfig();
    return createModelResolver(model, { offlinePaceMs });
  });
  return resolve(modelId);
}
