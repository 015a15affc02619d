import 'server-only';
import { z } from '@/lib/zod';
import { rillConfig, type ModelConfig, type ModelMode } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/** What the model picker may offer; never a key or a base URL. */
export interface ModelList {
  mode: ModelMode;
  defaultModel: string;
  models: string[];
  /** Whether a typed model name can work (a real provider, not the offline demo). */
  allowCustom: boolean;
}

const upstreamListSchema = z.object({ data: z.array(z.object({ id: z.string().min(1) })) });

// api.openai.com lists embedding, audio and image models too; only chat models belong in a chat picker.
const OPENAI_CHAT_MODEL = /^(gpt-|chatgpt-|o\d)/;
const CACHE_MS = 60_000;
const TIMEOUT_MS = 3_000;

/**
 * The provider's own `GET /models` when it has one (OpenAI, Ollama, vLLM, LM Studio), else just the
 * configured default. Cached for a minute: the picker asks on every page load.
 */
export function createModelLister(config: ModelConfig, { fetchImpl = fetch, now = Date.now }: { fetchImpl?: typeof fetch; now?: () => number } = {}) {
  let cache: { at: number; list: ModelList } | undefined;
  return async function list(): Promise<ModelList> {
    if (config.mode === 'offline') return { mode: 'offline', defaultModel: config.defaultModel, models: [config.defaultModel], allowCustom: false };
    if (cache && now() - cache.at < CACHE_MS) return cache.list;
    const listed = await fetchUpstreamModels(config, fetchImpl);
    const models = [...new Set([config.defaultModel, ...(listed ?? [])])].sort((a, b) => a.localeCompare(b));
    const result: ModelList = { mode: config.mode, defaultModel: config.defaultModel, models, allowCustom: true };
    // A failed listing is asked again next time rather than remembered.
    if (listed) cache = { at: now(), list: result };
    return result;
  };
}

/** The models this server's provider offers, for the model picker. */
export function listModels(): Promise<ModelList> {
  return processSingleton('model-lister', () => createModelLister(rillConfig().model))();
}

async function fetchUpstreamModels(config: ModelConfig, fetchImpl: typeof fetch): Promise<string[] | undefined> {
  const baseURL = config.baseURL ?? 'https://api.openai.com/v1';
  try {
    const response = await fetchImpl(`${baseURL}/models`, {
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return undefined;
    const parsed = upstreamListSchema.safeParse(await response.json());
    if (!parsed.success) return undefined;
    const ids = parsed.data.data.map((model) => model.id);
    return config.mode === 'openai' ? ids.filter((id) => OPENAI_CHAT_MODEL.test(id)) : ids;
  } catch {
    return undefined;
  }
}
