import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';

test('with no model configured, the offline demo model answers and says what it is', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await expect(page.getByTestId('model-badge')).toContainText('Offline demo model');
  await chat.send('Hello there, how are you?');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText('offline demo model');
  await expect(chat.lastAnswer).toContainText('OPENAI_API_KEY');
});

test('/ leads to the chat, and the header links every page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/chat$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Chat', 'Translate', 'Collaborate']) await expect(nav.getByRole('link', { name })).toBeVisible();
});

test('on a first run with the offline model, the example prompts are ones it answers well', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const examples = page.getByRole('list', { name: 'Example prompts' }).getByRole('button');
  await expect(examples).toHaveCount(4);
  await examples.filter({ hasText: 'See answers render' }).click();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer.getByRole('heading').first()).toBeVisible();
  await expect(chat.lastAnswer.locator('table')).toBeVisible();
  await expect(chat.lastAnswer).not.toContainText("can't understand");
});

test('Collaborate says it runs on the demo model, in the first HTML (nothing shifts when it arrives)', async ({ page }) => {
  const html = await (await page.request.get('/collaborate')).text();
  expect(html).toContain('Offline demo:');
  await page.goto('/collaborate');
  await expect(page.getByText('every panel is answered by the built-in demo model')).toBeVisible();
});
