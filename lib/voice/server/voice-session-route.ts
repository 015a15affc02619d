import 'server-only';
import { rillConfig, type RillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError, jsonOnFailure } from '@/lib/server/json-response';
import { createClientBudget, type ClientBudget } from '@/lib/server/rate-limit';
import { sharedRedis } from '@/lib/server/redis';
import { voiceSessionRequestSchema, type VoiceSessionGrant } from '../voice-session';
import { mintClientSecret, realtimeSessionConfig } from './client-secret';
import { providerEndpoint, realtimeConnectUrl } from './provider-endpoints';
import { providerRefusal, providerUnreachable } from './provider-refusal';
import { defaultVoiceAdmission, VoiceRequest, type VoiceAdmissionServices } from './voice-admission';
import { voiceCapabilities } from './voice-capabilities';
import { voiceInstructions } from './voice-instructions';

export interface VoiceSessionServices extends VoiceAdmissionServices {
  config: Pick<RillConfig, 'model' | 'voice' | 'pipeline'>;
  sessions: ClientBudget;
  realtimeAvailable: () => Promise<{ available: true } | { available: false; reason: string }>;
  fetch: typeof fetch;
}

export function defaultVoiceSessionServices(): VoiceSessionServices {
  return processSingleton('voice-session-services', () => {
    const config = rillConfig();
    return {
      ...defaultVoiceAdmission(),
      config,
      sessions: createClientBudget(sharedRedis(), 'voice-sessions', config.voice.sessionsPerHour, 60 * 60),
      realtimeAvailable: async () => (await voiceCapabilities()).realtime,
      fetch: (...args) => fetch(...args),
    };
  });
}

/**
 * POST /api/voice/sessions {context} — a client secret for one voice conversation, minted by the
 * provider through Rill's admission: the request budget, the hourly voice budget, a stream slot and
 * the daily quota. The audio then flows between the browser and the provider; Rill never sees it, so
 * the quota is charged a fixed `sessionQuotaTokens` per conversation, and the slot is freed once the
 * secret is handed over (the server cannot see when the conversation ends).
 */
export function voiceSessionRoute(services: () => VoiceSessionServices = defaultVoiceSessionServices) {
  return jsonOnFailure(async function POST(request: Request): Promise<Response> {
    const current = services();
    const voice = new VoiceRequest(request, 'voice-session', current);
    const requester = await voice.admit({ expectsJson: true });
    if (requester instanceof Response) return requester;
    const parsed = await parseJsonRequest(request, voiceSessionRequestSchema);
    if (!parsed.ok) return voice.end(parsed.response);

    // The offline model, or a server without the Realtime API: the same reason /api/model gives.
    const realtime = await current.realtimeAvailable();
    const endpoint = providerEndpoint(current.config.model);
    if (!realtime.available || !endpoint) return voice.end(jsonError(501, realtime.available ? 'Voice needs a model provider.' : realtime.reason, { code: 'unavailable' }));

    const over = await current.sessions.spend(requester.limitKey);
    if (over) {
      const perHour = current.config.voice.sessionsPerHour;
      return voice.end(jsonError(429, `You have started ${perHour} voice conversations in the last hour, as many as one person may. Try again in ${Math.ceil(over.retryAfter / 60)} min.`, { code: 'rate_limited', retryAfter: over.retryAfter }), { rateLimited: 'requests' });
    }
    const admission = await voice.stream(requester);
    if (admission instanceof Response) return admission;
    try {
      const { voice: settings, pipeline } = current.config;
      const instructions = voiceInstructions(parsed.data.context, settings.contextTokenBudget);
      const minted = await mintClientSecret(endpoint, settings, realtimeSessionConfig(settings, instructions, pipeline.maxOutputTokens), current.fetch);
      if (!minted.ok) {
        await admission.settle(0);
        return voice.end('unreachable' in minted ? providerUnreachable('a voice conversation') : providerRefusal(minted.status, minted.headers, 'a voice conversation'));
      }
      await admission.settle(settings.sessionQuotaTokens);
      voice.summary.model = settings.realtimeModel;
      const grant: VoiceSessionGrant = {
        secret: minted.secret.value,
        expiresAt: minted.secret.expiresAt,
        model: settings.realtimeModel,
        voice: settings.realtimeVoice,
        transport: settings.transport,
        url: realtimeConnectUrl(endpoint, settings.transport, settings.realtimeModel),
        instructions,
        transcriptionModel: settings.transcriptionModel,
      };
      // A secret is a credential: no cache may keep it.
      return voice.end(Response.json(grant, { status: 201, headers: { 'cache-control': 'no-store' } }));
    } finally {
      admission.release();
    }
  });
}
