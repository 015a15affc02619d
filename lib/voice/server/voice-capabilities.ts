import 'server-only';
import { rillConfig, type ModelConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import type { VoiceAvailability, VoiceCapabilities, VoiceFeature } from '../capabilities';
import { providerEndpoint, type ProviderEndpoint } from './provider-endpoints';

const OFFLINE_REASON =
  'Voice needs a model provider: the offline demo model cannot hear or speak. Set OPENAI_API_KEY, or OPENAI_BASE_URL to a server with OpenAI’s Realtime and audio endpoints.';

/**
 * Each feature's endpoint, asked with a request that is deliberately invalid: a server that has the
 * endpoint refuses the body (400, or 401/422), one that lacks it answers 404 (Ollama, vLLM and
 * llama.cpp do). Nothing is minted, transcribed or spoken, so the probe costs nothing.
 */
const PROBES: Record<VoiceFeature, { path: string; what: string; body: () => BodyInit; headers?: Record<string, string> }> = {
  realtime: { path: '/realtime/client_secrets', what: 'Realtime API (POST /v1/realtime/client_secrets)', body: () => JSON.stringify({ session: { type: 'rill-capability-probe' } }), headers: { 'content-type': 'application/json' } },
  transcription: { path: '/audio/transcriptions', what: 'transcription endpoint (POST /v1/audio/transcriptions)', body: () => new FormData() },
  speech: { path: '/audio/speech', what: 'speech endpoint (POST /v1/audio/speech)', body: () => JSON.stringify({}), headers: { 'content-type': 'application/json' } },
};

const PROBE_TIMEOUT_MS = 3_000;
/** What was found is asked again after this: an operator may add the endpoints (or a proxy may drop them) while Rill runs. */
const KEEP_MS = 10 * 60_000;
/** A server that could not be reached is asked again sooner. */
const KEEP_UNREACHED_MS = 30_000;

const ABSENT = new Set([404, 405, 501]);

async function probeOne(endpoint: ProviderEndpoint, feature: VoiceFeature, fetchImpl: typeof fetch): Promise<VoiceAvailability & { unreached?: boolean }> {
  const probe = PROBES[feature];
  try {
    const response = await fetchImpl(`${endpoint.baseURL}${probe.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.apiKey}`, ...probe.headers },
      body: probe.body(),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (ABSENT.has(response.status)) return { available: false, reason: `The model server at ${endpoint.host} has no ${probe.what}.` };
    return { available: true };
  } catch {
    return { available: false, reason: `Rill could not reach the model server at ${endpoint.host} to ask about voice. Try again in a minute.`, unreached: true };
  }
}

/** What the provider offers, found by asking it (an OpenAI key has everything; a compatible server is asked). */
export async function probeVoiceCapabilities(model: ModelConfig, fetchImpl: typeof fetch = fetch): Promise<{ capabilities: VoiceCapabilities; unreached: boolean }> {
  const endpoint = providerEndpoint(model);
  if (!endpoint) {
    const off = { available: false as const, reason: OFFLINE_REASON };
    return { capabilities: { realtime: off, transcription: off, speech: off }, unreached: false };
  }
  if (model.mode === 'openai') {
    const on = { available: true as const };
    return { capabilities: { realtime: on, transcription: on, speech: on }, unreached: false };
  }
  const [realtime, transcription, speech] = await Promise.all([probeOne(endpoint, 'realtime', fetchImpl), probeOne(endpoint, 'transcription', fetchImpl), probeOne(endpoint, 'speech', fetchImpl)]);
  const unreached = [realtime, transcription, speech].some((found) => found.unreached);
  const plain = ({ unreached: _unreached, ...availability }: VoiceAvailability & { unreached?: boolean }) => availability as VoiceAvailability;
  return { capabilities: { realtime: plain(realtime), transcription: plain(transcription), speech: plain(speech) }, unreached };
}

/** The process's answer, asked once and kept a while; requests arriving meanwhile share one probe. */
export function voiceCapabilities(now: () => number = Date.now): Promise<VoiceCapabilities> {
  const cache = processSingleton('voice-capabilities', () => ({ pending: null as Promise<VoiceCapabilities> | null, until: 0 }));
  if (cache.pending && now() < cache.until) return cache.pending;
  cache.until = Number.POSITIVE_INFINITY;
  const pending = probeVoiceCapabilities(rillConfig().model).then(({ capabilities, unreached }) => {
    cache.until = now() + (unreached ? KEEP_UNREACHED_MS : KEEP_MS);
    return capabilities;
  });
  cache.pending = pending;
  return pending;
}
