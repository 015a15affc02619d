/**
 * Who answers, decided once from the environment. Everything else asks this module instead of reading
 * `process.env`, so the choice is made (and tested) in one place.
 */
export type ModelMode = 'offline' | 'openai' | 'compatible';

export interface ModelConfig {
  mode: ModelMode;
  /** The model used when a request names none. */
  defaultModel: string;
  /** Set only for 'compatible': the server Rill talks to. Never includes credentials. */
  baseURL?: string;
  apiKey?: string;
}

export const OFFLINE_MODEL_ID = 'rill-offline-demo';
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

type Env = Record<string, string | undefined>;

export function readModelConfig(env: Env = process.env): ModelConfig {
  const apiKey = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim().replace(/\/+$/, '') || undefined;
  const model = env.OPENAI_MODEL?.trim() || undefined;
  // Local servers (Ollama, LM Studio, llama.cpp) need no key, so a base URL alone is enough.
  if (baseURL) return { mode: 'compatible', baseURL, apiKey: apiKey ?? 'not-needed', defaultModel: model ?? DEFAULT_OPENAI_MODEL };
  if (apiKey) return { mode: 'openai', apiKey, defaultModel: model ?? DEFAULT_OPENAI_MODEL };
  return { mode: 'offline', defaultModel: OFFLINE_MODEL_ID };
}

/** What the browser may know about the model: no key, and for a compatible server only its host. */
export interface PublicModelInfo {
  mode: ModelMode;
  model: string;
  label: string;
}

export function publicModelInfo(config: ModelConfig): PublicModelInfo {
  switch (config.mode) {
    case 'offline':
      return { mode: 'offline', model: config.defaultModel, label: 'Offline demo model' };
    case 'openai':
      return { mode: 'openai', model: config.defaultModel, label: `OpenAI · ${config.defaultModel}` };
    case 'compatible':
      return { mode: 'compatible', model: config.defaultModel, label: `${config.defaultModel} · ${hostOf(config.baseURL)}` };
  }
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return 'custom server';
  }
}
