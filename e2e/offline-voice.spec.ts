import { expect, test } from '@playwright/test';

test('with the offline model, /api/model says voice needs a provider, and minting a session is refused with that reason', async ({ request, baseURL }) => {
  const { voice } = (await (await request.get('/api/model')).json()) as { voice: Record<string, { available: boolean; reason?: string }> };
  for (const feature of ['realtime', 'transcription', 'speech']) {
    expect(voice[feature]).toMatchObject({ available: false, reason: expect.stringContaining('offline demo model cannot hear or speak') });
  }
  const response = await request.post('/api/voice/sessions', { data: { context: [] }, headers: { origin: baseURL! } });
  expect(response.status()).toBe(501);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toMatchObject({ code: 'unavailable', error: expect.stringContaining('OPENAI_API_KEY') });
});
