import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { fillerWords, releaseHeld, uniqueMarker, upstreamRequests, wordsOf } from './support/upstream';

test('an answer from the upstream model streams in over several visible steps', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('steps');
  // The upstream stops after 2, 4 and 6 tokens until let go: each step must be on screen, still
  // streaming, before the next one is sent.
  await chat.send(`${marker} [[hold 2]] [[hold 4]] [[hold 6]] [[long 8]]`);
  const tokens = ['Echo:', marker, ...fillerWords(8)];
  for (const shown of [2, 4, 6]) {
    await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
    await expect.poll(async () => wordsOf(await chat.lastAnswer.innerText())).toEqual(tokens.slice(0, shown));
    await releaseHeld(marker);
  }
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  expect(wordsOf(await chat.lastAnswer.innerText())).toEqual(tokens);
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
  await chat.send(`${marker} [[hold 3]] [[long 200]]`);
  await expect.poll(async () => wordsOf(await chat.lastAnswer.innerText()).length).toBe(3);
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'stopped');
  await expect(chat.lastAnswer).toContainText('Stopped');
  await expect.poll(async () => (await upstreamRequests(marker))[0]?.aborted).toBe(true);
  const [record] = await upstreamRequests(marker);
  expect(record?.tokensSent).toBe(3);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a 429 shows how long to wait, and the next message works', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('limited');
  await chat.send(`${marker} [[429 retry=30]]`);
  // The wait counts down from 30 as soon as it shows; a busy machine may first look a second or two in.
  await expect(chat.lastAnswer.getByRole('alert')).toContainText(/Rate limited — try again in (30|29|28) s/);
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

test('an error sent inside a 200 stream reads as the same error sent over HTTP', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`${uniqueMarker('instream')} [[stream-error 401]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('The API key was rejected');
  await chat.send(`${uniqueMarker('instream')} [[stream-error 429]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('Rate limited');
});

test('an answer that ends without the model saying it finished is kept, marked interrupted, not shown as complete', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('nofinish');
  await chat.send(`${marker} [[no-finish]] [[long 5]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'error');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('The answer was interrupted');
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
  await chat.send(`${marker} [[hold 5]] [[long 60]]`);
  await expect.poll(async () => wordsOf(await chat.lastAnswer.innerText()).length).toBe(5);
  await page.reload();

  // After the reload the answer is still streaming, showing what had arrived, while the model waits.
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  await expect.poll(async () => wordsOf(await chat.lastAnswer.innerText()).length).toBe(5);
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const records = await upstreamRequests(marker);
  expect(records).toHaveLength(1);
  expect(records[0]?.completed).toBe(true);
  // Every token the model sent is on screen exactly once.
  const shown = wordsOf(await chat.lastAnswer.innerText());
  expect(shown.slice(0, 2)).toEqual(['Echo:', marker]);
  expect(shown).toHaveLength(records[0]!.tokensSent);
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

test('a screen reader hears that an answer started and, once, what it said', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('announce');
  const live = page.getByTestId('answer-announcer');
  await chat.send(`${marker} [[hold 2]] [[long 3]]`);
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('Rill is writing an answer…');
  // Nothing is announced per token: the region still says the same while text streams in.
  await expect.poll(async () => wordsOf(await chat.lastAnswer.innerText()).length).toBe(2);
  await expect(live).toHaveText('Rill is writing an answer…');
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(live).toHaveText(`Rill answered: ${(await chat.lastAnswer.innerText()).trim().replace(/\s+/g, ' ')}`);
  // An error is said at once, by its own alert.
  await chat.send(`${uniqueMarker('announce')} [[500]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('unavailable');
});

test('a reasoning model’s thinking streams into a collapsed "Thinking…" section above the answer, timed, and stays after a reload', async ({ page }) => {
  const marker = uniqueMarker('reasoning');
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`Ponder ${marker} [[think 12]] [[hold 6]]`);
  const reasoning = page.getByTestId('message-reasoning');
  await expect(reasoning.locator('summary')).toHaveText(/Thinking…/);
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('Let me think');
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toHaveText(`Echo: Ponder ${marker}`);
  await expect(reasoning.locator('summary')).toHaveText(/^› ?Thought for \d+(\.\d)? s$/);
  await expect(reasoning).toContainText('Let me think about what is asked here first. Let me think');

  await page.reload();
  await expect(chat.lastAnswer).toHaveText(`Echo: Ponder ${marker}`);
  await expect(page.getByTestId('message-reasoning').locator('summary')).toHaveText(/Thought for/);
});
