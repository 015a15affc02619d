import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

test('GET /api/models lists the upstream models and the default, never the key', async ({ request }) => {
  const response = await request.get('/api/models');
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text).not.toContain('test-e2e-secret-key-never-in-browser');
  expect(JSON.parse(text)).toEqual({ mode: 'compatible', defaultModel: 'fake-small', models: ['fake-large', 'fake-small'], allowCustom: true });
});

test('model, system prompt, temperature and answer length are sent, kept per conversation, and survive a reload', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Conversation settings' });
  const model = settings.getByRole('combobox', { name: 'Model' });
  await expect(model).toHaveAttribute('placeholder', 'fake-small (default)');
  await expect(settings.locator('datalist option')).toHaveCount(2);
  await model.fill('fake-large');
  await settings.getByRole('textbox', { name: 'System prompt' }).fill('Answer like a pirate.');
  await settings.getByRole('slider', { name: /Temperature/ }).fill('0.3');
  await settings.getByRole('spinbutton', { name: 'Maximum answer length (tokens)' }).fill('256');
  await settings.getByRole('button', { name: 'Done' }).click();

  const marker = uniqueMarker('settings');
  await chat.send(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const [record] = await upstreamRequests(marker);
  expect(record?.body.model).toBe('fake-large');
  expect(record?.body.temperature).toBe(0.3);
  expect(record?.body.max_tokens ?? record?.body.max_completion_tokens).toBe(256);
  expect(record?.body.messages?.[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('fake-large');
  await expect(page.getByRole('textbox', { name: 'System prompt' })).toHaveValue('Answer like a pirate.');
  await expect(page.getByText('Temperature: 0.3')).toBeVisible();
});

test('a typed model name is used as is', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Model' }).fill('my-local-model:7b');
  const marker = uniqueMarker('typed');
  await chat.send(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  expect((await upstreamRequests(marker))[0]?.body.model).toBe('my-local-model:7b');
});

test('a history over the input budget leaves out the oldest turns, keeps the system prompt and newest message, and says so', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('trim');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'System prompt' }).fill(`Be brief ${marker}.`);
  // About 9,000 tokens: over the default 8,000-token budget together with anything else.
  await chat.send(`old ${marker} ${'lorem ipsum '.repeat(4_500)} [[reply noted]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(page.getByText(/older messages? (was|were) not sent/)).toHaveCount(0);

  await chat.send(`newest ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const requests = await upstreamRequests(marker);
  expect(requests[1]?.body.messages).toEqual([
    { role: 'system', content: `Be brief ${marker}.` },
    { role: 'user', content: `newest ${marker}` },
  ]);
  await expect(page.getByText("2 older messages were not sent, to fit the model's context limit.")).toBeVisible();
});

test('Settings takes the focus when it opens, says what the default temperature is, and Esc closes it back to its button', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const button = page.getByRole('button', { name: 'Settings' });
  await button.click();
  const settings = page.getByRole('region', { name: 'Conversation settings' });
  await expect(settings.getByRole('combobox', { name: 'Model' })).toBeFocused();
  await expect(settings.getByRole('slider', { name: 'Temperature: default (1.0)' })).toHaveValue('1');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(button).toBeFocused();
});
