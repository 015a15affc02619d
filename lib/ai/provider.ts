import './blank-env-as-unset';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { readModelConfig, type ModelConfig } from './model-config';
import { createOfflineModel } from './offline-model';
import { createRetryingFetch } from './retrying-fetch';

/**
 * The one place that turns configuration into a model. Routes ask for a model by id (or none for the
 * default) and never learn whether it is OpenAI, a compatible server or the offline model.
 */
export function createModelResolver(config: ModelConfig, { offlinePaceMs }: { offlinePaceMs?: number } = {}) {
  if (config.mode === 'offline') {
    const offline = createOfflineModel({ paceMs: offlinePaceMs });
    return (_modelId?: string): LanguageModelV4 => offline;
  }
  const provider = createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, name: config.mode, fetch: createRetryingFetch() });
  // Compatible servers (Ollama, vLLM, LM Studio, llama.cpp) implement Chat Completions, not Responses.
  return (modelId?: string): LanguageModelV4 =>
    config.mode === 'compatible' ? provider.chat(modelId ?? config.defaultModel) : provider(modelId ?? config.defaultModel);
}

let cached: { config: ModelConfig; resolve: ReturnType<typeof createModelResolver> } | undefined;

/** The process-wide model configuration and resolver, read from the environment once. */
export function serverModels() {
  if (!cached) {
    const config = readModelConfig();
    const pace = Number(process.env.OFFLINE_MODEL_PACE_MS);
    cached = { config, resolve: createModelResolver(config, { offlinePaceMs: Number.isFinite(pace) && pace >= 0 ? pace : undefined }) };
  }
  return cached;
}
