import { expect, test } from '@playwright/test';
import { upstreamRequests, uniqueMarker } from './support/upstream';

const key = 'test-e2e-secret-key-never-in-browser';

test('a voice session is minted by the provider with the server’s key; the browser gets only the ephemeral secret', async ({ request, baseURL }) => {
  const model = await request.get('/api/model');
  expect(await model.text()).not.toContain(key);
  expect(((await model.json()) as { voice: { realtime: unknown } }).voice.realtime).toEqual({ available: true });

  const marker = uniqueMarker('voice-context');
  const response = await request.post('/api/voice/sessions', { data: { context: [{ role: 'user', text: `Earlier, typed: ${marker}` }, { role: 'assistant', text: 'An earlier answer.' }] }, headers: { origin: baseURL! } });
  expect(response.status()).toBe(201);
  expect(response.headers()['cache-control']).toBe('no-store');
  const text = await response.text();
  for (const value of [text, JSON.stringify(response.headers())]) expect(value).not.toContain(key);
  const grant = JSON.parse(text) as { secret: string; expiresAt: number; transport: string; url: string; model: string; instructions: string };
  expect(grant.secret).toMatch(/^ek_/);
  expect(grant.expiresAt).toBeGreaterThan(Date.now());
  expect(grant.url).toMatch(/\/v1\/realtime\/calls$/);

  // The provider was asked with the server's key, for a session carrying the earlier turns as context.
  const [minted] = await upstreamRequests(marker);
  expect(minted?.path).toBe('/v1/realtime/client_secrets');
  expect(minted?.headers.authorization).toBe(`Bearer ${key}`);
  expect(minted?.secret).toBe(grant.secret);
  const session = (minted?.body as { session: { instructions: string; audio: { input: { turn_detection: { type: string } } } } }).session;
  expect(session.instructions).toContain(`User: Earlier, typed: ${marker}`);
  expect(session.instructions).toContain('Assistant: An earlier answer.');
  expect(session.audio.input.turn_detection.type).toBe('server_vad');
});

test('a provider that refuses to mint is a readable error with nothing of the provider’s body', async ({ request, baseURL }) => {
  const response = await request.post('/api/voice/sessions', { data: { context: [{ role: 'user', text: '[[secret-status 500]]' }] }, headers: { origin: baseURL! } });
  expect(response.status()).toBe(502);
  expect(await response.json()).toMatchObject({ code: 'unavailable', error: expect.stringContaining('could not start a voice conversation') });
});

test('a cross-site request cannot mint a session', async ({ request }) => {
  const response = await request.post('/api/voice/sessions', { data: { context: [] }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(response.status()).toBe(403);
});
