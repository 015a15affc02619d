import { expect, test } from 'vitest';
import type { ModelConfig } from '@/lib/config';
import { probeVoiceCapabilities } from './voice-capabilities';

const compatible: ModelConfig = { mode: 'compatible', baseURL: 'http://models.internal:11434/v1', apiKey: 'sk-secret', defaultModel: 'llama3.2', allowAnyModel: false };

/** A server answering each path with the status given, recording what was asked. */
function serverAnswering(statuses: Record<string, number>) {
  const asked: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname;
    asked.push(path);
    return new Response('{}', { status: statuses[path] ?? 404 });
  }) as typeof fetch;
  return { asked, fetchImpl };
}

test('the offline model has no voice, and says what is needed', async () => {
  const { capabilities } = await probeVoiceCapabilities({ mode: 'offline', defaultModel: 'rill-offline-demo', allowAnyModel: false });
  expect(capabilities.realtime).toMatchObject({ available: false, reason: expect.stringContaining('OPENAI_API_KEY') });
});

test('a compatible server is asked; an endpoint that refuses the probe exists, a 404 does not', async () => {
  const server = serverAnswering({ '/v1/realtime/client_secrets': 400, '/v1/audio/transcriptions': 404, '/v1/audio/speech': 401 });
  const { capabilities, unreached } = await probeVoiceCapabilities(compatible, server.fetchImpl);
  expect(unreached).toBe(false);
  expect(capabilities.realtime).toEqual({ available: true });
  expect(capabilities.speech).toEqual({ available: true });
  expect(capabilities.transcription).toEqual({ available: false, reason: 'The model server at models.internal:11434 has no transcription endpoint (POST /v1/audio/transcriptions).' });
  expect(server.asked.sort()).toEqual(['/v1/audio/speech', '/v1/audio/transcriptions', '/v1/realtime/client_secrets']);
});

test('a server that cannot be reached is said so, and never named by its full URL or key', async () => {
  const { capabilities, unreached } = await probeVoiceCapabilities(compatible, (async () => {
    throw new TypeError('fetch failed');
  }) as typeof fetch);
  expect(unreached).toBe(true);
  expect(JSON.stringify(capabilities)).not.toMatch(/sk-secret|http:\/\//);
});
