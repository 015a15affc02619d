import { expect, test } from '@playwright/test';
import { uniqueMarker } from './support/upstream';

const json = { 'content-type': 'application/json' };

const badRequests: { name: string; body: string; error: RegExp }[] = [
  { name: 'not JSON', body: '{"text": "hi", ', error: /not valid JSON/ },
  { name: 'an unknown target code', body: JSON.stringify({ text: 'hi', target: 'xx' }), error: /Unknown target language code "xx"/ },
  { name: 'an unknown source code', body: JSON.stringify({ text: 'hi', target: 'de', source: 'elvish' }), error: /Unknown source language code "elvish"/ },
  { name: 'no target', body: JSON.stringify({ text: 'hi' }), error: /target/ },
  { name: 'empty text', body: JSON.stringify({ text: '   ', target: 'de' }), error: /no text to translate/ },
  { name: 'text over the limit', body: JSON.stringify({ text: 'x'.repeat(5_001), target: 'de' }), error: /at most 5,000 characters/ },
  { name: 'an unknown tone', body: JSON.stringify({ text: 'hi', target: 'de', tone: 'sarcastic' }), error: /tone/ },
];

for (const bad of badRequests) {
  test(`POST /api/translate with ${bad.name} gets 400 and a JSON error`, async ({ request }) => {
    const response = await request.post('/api/translate', { data: Buffer.from(bad.body), headers: json });
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.error).toMatch(bad.error);
    expect(body.code).toBe('bad_request');
  });
}

test('POST /api/translate streams the translation, with the detected language as metadata', async ({ request }) => {
  const marker = uniqueMarker('api');
  const response = await request.post('/api/translate', { data: { text: `${marker} [[reply <lang>de</lang> Good day ${marker}]]`, target: 'en' }, headers: json });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/event-stream');
  const body = await response.text();
  expect(body).toContain('"detectedLanguage":"de"');
  expect(body).toContain(marker);
  expect(body).not.toContain('<lang>');
  expect(body).toContain('data: [DONE]');
});
