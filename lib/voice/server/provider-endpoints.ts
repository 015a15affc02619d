import 'server-only';
import type { ModelConfig } from '@/lib/config';

/** The provider's API root (`…/v1`) and its key, or null for the offline model, which has no audio. */
export interface ProviderEndpoint {
  baseURL: string;
  apiKey: string;
  /** The host, for messages: never the full URL, which may carry credentials or internal paths. */
  host: string;
}

const OPENAI_API = 'https://api.openai.com/v1';

export function providerEndpoint(model: ModelConfig): ProviderEndpoint | null {
  if (model.mode === 'offline') return null;
  const baseURL = model.mode === 'openai' ? OPENAI_API : (model.baseURL ?? OPENAI_API);
  let host = 'the model server';
  try {
    host = new URL(baseURL).host;
  } catch {
    // config.ts checked the URL; keep the generic name.
  }
  return { baseURL, apiKey: model.apiKey ?? '', host };
}

/** Where the browser connects with a minted secret: the provider's own realtime endpoint, by transport. */
export function realtimeConnectUrl(endpoint: ProviderEndpoint, transport: 'webrtc' | 'websocket', model: string): string {
  if (transport === 'webrtc') return `${endpoint.baseURL}/realtime/calls`;
  const ws = endpoint.baseURL.replace(/^http/i, 'ws');
  return `${ws}/realtime?model=${encodeURIComponent(model)}`;
}
