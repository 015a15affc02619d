import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

test('an answer from the upstream model streams in over several visible steps', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('steps');
  // Record every distinct length the answer passes through, as the user would see it grow.
  await page.evaluate(() => {
    (window as unknown as { seen: number[] }).seen = [];
    new MutationObserver(() => {
      const last = [...document.querySelectorAll('[data-testid="message-assistant"]')].at(-1);
      const length = last?.textContent?.length ?? 0;
      const seen = (window as unknown as { seen: number[] }).seen;
      if (seen.at(-1) !== length) seen.push(length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await chat.send(`${marker} [[pace 40]] [[long 25]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
  expect(seen.length).toBeGreaterThanOrEqual(10);
});

test('every turn sends the whole conversation, including the complete earlier answer', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('context');
  await chat.send(`first ${marker} [[long 40]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const firstAnswer = (await chat.lastAnswer.innerText()).trim();

  await chat.send(`second ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  const [, second] = await upstreamRequests(marker);
  const messages = (second?.body.messages ?? []) as { role: string; content: string }[];
  const turns = messages.filter((message) => message.role !== 'system');
  expect(turns.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  expect(turns[0]?.content).toBe(`first ${marker} [[long 40]]`);
  expect(turns[1]?.content.trim()).toBe(firstAnswer);
  expect(turns[1]?.content.split(' ').length).toBeGreaterThan(40);
});

test('Stop keeps the partial answer and cancels the upstream request', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('stop');
  await chat.send(`${marker} [[pace 150]] [[long 200]]`);
  await expect(chat.lastAnswer).toContainText(marker);
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'stopped');
  await expect(chat.lastAnswer).toContainText('Stopped');
  await expect.poll(async () => (await upstreamRequests(marker))[0]?.aborted, { timeout: 5_000 }).toBe(true);
  const [record] = await upstreamRequests(marker);
  expect(record?.tokensSent).toBeLessThan(100);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a 429 shows how long to wait, and the next message works', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('limited');
  await chat.send(`${marker} [[429 retry=30]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('Rate limited — try again in 30 s');
  await expect(chat.lastAnswer.getByRole('button', { name: 'Retry' })).toBeVisible();

  await chat.send(`${marker} after the limit`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker} after the limit`);
});

test('a short 429 is retried on the server and the answer arrives', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('retried');
  await chat.send(`${marker} [[fail-once 429]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  expect((await upstreamRequests(marker)).map((record) => record.status)).toEqual([429, 200]);
});

test('a stream cut mid-answer keeps its text, says it was interrupted and offers Retry', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('cut');
  await chat.send(`${marker} [[cut 4]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'error');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('interrupted');

  await chat.lastAnswer.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(2);
});

test('errors from the provider have their own messages', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`${uniqueMarker('auth')} [[401]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('The API key was rejected');
  await chat.send(`${uniqueMarker('down')} [[500]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('The model provider is unavailable');
});

test('a reload keeps the conversation', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('reload');
  await chat.send(`${marker} keep me`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await page.reload();
  await expect(page.getByTestId('message-user')).toContainText(`${marker} keep me`);
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker} keep me`);
});

test('a reload mid-answer picks the answer up again: nothing lost, nothing twice, one upstream call', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('resume');
  await chat.send(`${marker} [[pace 80]] [[long 60]]`);
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  await page.reload();

  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  const records = await upstreamRequests(marker);
  expect(records).toHaveLength(1);
  expect(records[0]?.completed).toBe(true);
  // Every token the model sent is on screen exactly once.
  const words = (await chat.lastAnswer.innerText()).trim().split(/\s+/);
  expect(words.slice(0, 2)).toEqual(['Echo:', marker]);
  expect(words).toHaveLength(records[0]!.tokensSent);
});

test('the API key reaches the upstream but never the browser', async ({ page, request }) => {
  const secret = 'test-e2e-secret-key-never-in-browser';
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (/\.(js|css)$|\/chat$|\/api\/model$/.test(new URL(response.url()).pathname)) bodies.push(await response.text().catch(() => ''));
  });
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('key');
  await chat.send(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(secret);
  expect(await (await request.get('/api/model')).text()).not.toContain(secret);
  const [record] = await upstreamRequests(marker);
  expect(record?.headers.authorization).toBe(`Bearer ${secret}`);
});
