import 'server-only';
import { z } from '@/lib/zod';
import { rillConfig, type ModelConfig, type ModelMode } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/** What the model picker may offer; never a key or a base URL. */
export interface ModelList {
  mode: ModelMode;
  defaultModel: string;
  models: string[];
  /** Whether a typed model name is sent on as it is (`RILL_ALLOW_ANY_MODEL`); otherwise only `models` are. */
  allowCustom: boolean;
}

const upstreamListSchema = z.object({ data: z.array(z.object({ id: z.string().min(1) })) });

// api.openai.com lists embedding, audio and image models too; only chat models belong in a chat picker.
const OPENAI_CHAT_MODEL = /^(gpt-|chatgpt-|o\d)/;
const CACHE_MS = 60_000;
const TIMEOUT_MS = 3_000;

/**
 * The models requests may name, which the picker offers: `RILL_MODELS` when set, else the provider's
 * own `GET /models` when it has one (OpenAI, Ollama, vLLM, LM Studio), always with the configured
 * default. Cached for a minute: the picker asks on every page load, and every request is checked.
 */
export function createModelLister(config: ModelConfig, { fetchImpl = fetch, now = Date.now }: { fetchImpl?: typeof fetch; now?: () => number } = {}) {
  let cache: { at: number; list: ModelList } | undefined;
  return async function list(): Promise<ModelList> {
    if (config.mode === 'offline') return { mode: 'offline', defaultModel: config.defaultModel, models: [config.defaultModel], allowCustom: false };
    if (cache && now() - cache.at < CACHE_MS) return cache.list;
    const listed = config.allowedModels ?? (await fetchUpstreamModels(config, fetchImpl));
    const models = [...new Set([config.defaultModel, ...(listed ?? [])])].sort((a, b) => a.localeCompare(b));
    const result: ModelList = { mode: config.mode, defaultModel: config.defaultModel, models, allowCustom: config.allowAnyModel };
    // A failed listing is asked again next time rather than remembered.
    if (listed) cache = { at: now(), list: result };
    return result;
  };
}

/** The models this server's provider offers, for the model picker. */
export function listModels(): Promise<ModelList> {
  return processSingleton('model-lister', () => createModelLister(rillConfig().model))();
}

/**
 * Why a request may not name this model, or undefined when it may: a name off the list is refused
 * here rather than sent to the provider on the owner's key. No name means the default; the offline
 * model answers whatever name is given, so nothing is refused there.
 */
export function modelRefusal(list: ModelList, modelId: string | undefined): string | undefined {
  if (modelId === undefined || list.allowCustom || list.mode === 'offline' || list.models.includes(modelId)) return undefined;
  return `The model "${modelId}" is not offered here. Choose one of: ${list.models.join(', ')}.`;
}

/** `modelRefusal` against this server's list. */
export async function refusedModel(modelId: string | undefined): Promise<string | undefined> {
  return modelRefusal(await listModels(), modelId);
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
