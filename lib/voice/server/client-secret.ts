import 'server-only';
import type { VoiceConfig } from '@/lib/config';
import type { ProviderEndpoint } from './provider-endpoints';

export interface MintedSecret {
  value: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type MintResult = { ok: true; secret: MintedSecret } | { ok: false; status: number; headers: Headers } | { ok: false; unreachable: true };

const MINT_TIMEOUT_MS = 10_000;

/** The session a voice conversation starts with: server VAD that lets the user interrupt, transcripts of both sides. */
export function realtimeSessionConfig(voice: VoiceConfig, instructions: string, maxOutputTokens: number) {
  return {
    type: 'realtime',
    model: voice.realtimeModel,
    instructions,
    output_modalities: ['audio'],
    // The Realtime API caps one response at 4096 tokens.
    max_output_tokens: Math.min(maxOutputTokens, 4_096),
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24_000 },
        transcription: { model: voice.transcriptionModel },
        turn_detection: { type: 'server_vad', silence_duration_ms: 500, create_response: true, interrupt_response: true },
      },
      output: { voice: voice.realtimeVoice, format: { type: 'audio/pcm', rate: 24_000 } },
    },
  };
}

/**
 * `POST /v1/realtime/client_secrets`: the provider mints a secret for one session configured here,
 * which the browser may use for `secretTtlSeconds` to connect. The server's key stays on the server.
 */
export async function mintClientSecret(endpoint: ProviderEndpoint, voice: VoiceConfig, session: ReturnType<typeof realtimeSessionConfig>, fetchImpl: typeof fetch = fetch): Promise<MintResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${endpoint.baseURL}/realtime/client_secrets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds: voice.secretTtlSeconds }, session }),
      signal: AbortSignal.timeout(MINT_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, unreachable: true };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, status: response.status, headers: response.headers };
  }
  const body = (await response.json().catch(() => null)) as { value?: unknown; expires_at?: unknown } | null;
  if (typeof body?.value !== 'string' || body.value === '') return { ok: false, status: 502, headers: response.headers };
  const expiresAt = typeof body.expires_at === 'number' ? body.expires_at * 1000 : Date.now() + voice.secretTtlSeconds * 1000;
  return { ok: true, secret: { value: body.value, expiresAt } };
}
