import { expect, test } from 'vitest';
import type { ModelConfig, PipelineConfig, VoiceConfig } from '@/lib/config';
import type { ClientLimits } from '@/lib/server/rate-limit';
import { voiceSessionRoute, type VoiceSessionServices } from './voice-session-route';

const voice: VoiceConfig = {
  realtimeModel: 'gpt-realtime',
  realtimeVoice: 'marin',
  transport: 'websocket',
  secretTtlSeconds: 60,
  sessionsPerHour: 30,
  sessionQuotaTokens: 4_000,
  contextTokenBudget: 4_000,
  transcriptionModel: 'gpt-4o-mini-transcribe',
};
const model: ModelConfig = { mode: 'compatible', baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-server-only', defaultModel: 'm', allowAnyModel: false };

function services(overrides: Partial<VoiceSessionServices> & { mint?: (body: unknown) => Response } = {}) {
  const settled: number[] = [];
  let released = 0;
  const minted: unknown[] = [];
  const limits: ClientLimits = {
    admitRequest: async () => null,
    admitStream: async () => ({ release: () => void released++, settle: async (tokens) => void settled.push(tokens) }),
  };
  const current: VoiceSessionServices = {
    limits,
    identify: async () => ({ limitKey: 'client-1' }),
    config: { model, voice, pipeline: { maxOutputTokens: 8_192 } as PipelineConfig },
    sessions: { spend: async () => null },
    realtimeAvailable: async () => ({ available: true }),
    fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer sk-server-only');
      const body = JSON.parse(String(init?.body));
      minted.push(body);
      return overrides.mint?.(body) ?? Response.json({ value: 'ek_minted', expires_at: 1_900_000_000, session: body.session });
    }) as typeof fetch,
    ...overrides,
  };
  return { current, settled, minted, released: () => released };
}

const post = (body: unknown) =>
  new Request('http://rill.test/api/voice/sessions', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://rill.test', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(body) });

test('the browser gets the minted secret and where to connect, never the key', async () => {
  const s = services();
  const response = await voiceSessionRoute(() => s.current)(post({ context: [{ role: 'user', text: 'Earlier question' }] }));
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  expect(text).not.toContain('sk-server-only');
  expect(JSON.parse(text)).toMatchObject({ secret: 'ek_minted', expiresAt: 1_900_000_000_000, transport: 'websocket', url: 'ws://127.0.0.1:9/v1/realtime?model=gpt-realtime', model: 'gpt-realtime' });
  const [body] = s.minted as [{ expires_after: unknown; session: { instructions: string; audio: { input: { turn_detection: { type: string } } } } }];
  expect(body.expires_after).toEqual({ anchor: 'created_at', seconds: 60 });
  expect(body.session.instructions).toContain('User: Earlier question');
  expect(body.session.audio.input.turn_detection.type).toBe('server_vad');
  // The quota is charged for the conversation and the stream slot freed once the secret is handed over.
  expect(s.settled).toEqual([4_000]);
  expect(s.released()).toBe(1);
});

test('a provider that refuses is a readable error, and costs no quota', async () => {
  const s = services({ mint: () => new Response('{"error":{"message":"Incorrect API key provided: sk-serv***"}}', { status: 401 }) });
  const response = await voiceSessionRoute(() => s.current)(post({}));
  expect(response.status).toBe(502);
  const text = await response.text();
  expect(text).toContain('OPENAI_API_KEY');
  expect(text).not.toContain('sk-serv');
  expect(s.settled).toEqual([0]);
});

test('without the Realtime API the route says why, before any budget is spent', async () => {
  let spent = false;
  const s = services({ realtimeAvailable: async () => ({ available: false, reason: 'The model server at x has no Realtime API.' }), sessions: { spend: async () => ((spent = true), null) } });
  const response = await voiceSessionRoute(() => s.current)(post({}));
  expect(response.status).toBe(501);
  expect(await response.json()).toMatchObject({ error: 'The model server at x has no Realtime API.' });
  expect(spent).toBe(false);
});

test('over the hourly voice budget is a 429 with when to try again', async () => {
  const s = services({ sessions: { spend: async () => ({ retryAfter: 600 }) } });
  const response = await voiceSessionRoute(() => s.current)(post({}));
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('600');
  expect(s.minted).toEqual([]);
});

test('a malformed body is a 400 naming the problem', async () => {
  const s = services();
  const response = await voiceSessionRoute(() => s.current)(post({ context: [{ role: 'system', text: 'x' }] }));
  expect(response.status).toBe(400);
  expect(s.minted).toEqual([]);
});
