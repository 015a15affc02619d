import { expect, test } from '@playwright/test';

const secret = 'test-e2e-secret-key-never-in-browser';

test('/api/health reports the model mode and Redis, and never the key', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({
    status: 'ok',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    model: { mode: 'compatible', model: 'fake-small' },
    redis: { configured: false, reachable: null },
  });
  expect(text).not.toContain(secret);
  expect(text).not.toContain('/v1');
});
