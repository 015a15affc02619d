import { expect as baseExpect, test } from '@playwright/test';
import { collaboratePage } from './support/collaborate-page';
import { releaseHeld, uniqueMarker, upstreamRequests } from './support/upstream';

// Several browsers and streams share two slow CPUs with other work: allow for it, never sleep for it.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 25_000 });

test('Run all streams three prompts at the same time, each with its own figures, then a summary', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('overlap');
  await panels.fillPrompts([1, 2, 3].map((n) => `${marker} panel ${n} [[hold 3]] [[long 20]]`));
  await panels.button('Run all').click();
  // Concurrent, not one after another: all three are streaming, held upstream, at the same time.
  await expect.poll(async () => (await upstreamRequests(marker)).filter((record) => record.held).length).toBe(3);
  await releaseHeld(marker);

  for (const n of [1, 2, 3]) {
    await expect(panels.answer(n)).toHaveAttribute('data-status', 'done');
    await expect(panels.answer(n)).toContainText(`Echo: ${marker} panel ${n}`);
    // Once done, the token count is the model's own (no "~" estimate).
    await expect(page.getByLabel(`Figures for prompt ${n}`).locator('[data-figure="Tokens"]')).toHaveText(/^\d+$/);
  }
  expect(await upstreamRequests(marker)).toHaveLength(3);

  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('3 (3 done)');
  await expect(summary).toContainText('Fastest first token');
});

test('a Markdown answer renders in its panel, is still there after a reload, and opens in Chat', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('markdown');
  await panels.prompt(1).fill(`${marker} [[markdown]]`);
  await panels.button('Run prompt 1').click();
  await expect(panels.answer(1)).toHaveAttribute('data-status', 'done');
  const rendered = async () => {
    await expect(panels.answer(1).getByRole('heading', { name: 'Streaming status' })).toBeVisible();
    await expect(panels.answer(1).locator('pre')).toContainText('export function join');
    await expect(panels.answer(1).getByRole('listitem')).toHaveCount(3);
  };
  await rendered();

  await page.reload();
  await panels.open();
  await expect(panels.prompt(1)).toHaveValue(`${marker} [[markdown]]`);
  await expect(panels.answer(1)).toHaveAttribute('data-status', 'done');
  await rendered();
  // The page's run figures came back with it.
  await expect(page.getByRole('table', { name: 'By model' }).getByRole('row')).toHaveCount(2);

  await panels.button('Open in Chat: answer 1').click();
  await page.waitForURL(/\/chat\/[\w-]+$/);
  await expect(page.getByTestId('message-user')).toHaveText(`${marker} [[markdown]]`);
  await expect(page.getByTestId('message-assistant').getByRole('heading', { name: 'Streaming status' })).toBeVisible();
  // Asked once, on Collaborate: opening in Chat carried the answer, it did not ask again.
  expect(await upstreamRequests(marker)).toHaveLength(1);
});

test('Stop all aborts every upstream call and keeps each partial answer', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('stopall');
  await panels.fillPrompts([1, 2, 3].map((n) => `${marker} panel ${n} [[hold 4]] [[long 2000]]`));
  await panels.button('Run all').click();
  for (const n of [1, 2, 3]) await expect(panels.answer(n)).toContainText(`${marker} panel ${n}`);
  await panels.button('Stop all').click();

  for (const n of [1, 2, 3]) {
    await expect(panels.answer(n)).toHaveAttribute('data-status', 'stopped');
    await expect(panels.answer(n)).toContainText(`Echo: ${marker} panel ${n}`);
  }
  await expect.poll(async () => (await upstreamRequests(marker)).map((record) => record.aborted)).toEqual([true, true, true]);
  for (const record of await upstreamRequests(marker)) expect(record.tokensSent).toBe(4);
});

test('a fault in one panel shows there with Retry, and the other two complete', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('isolated');
  await panels.fillPrompts([`${marker} one [[long 30]]`, `${marker} two [[cut 3]] [[long 30]]`, `${marker} three [[500]]`]);
  await panels.button('Run all').click();

  await expect(panels.answer(1)).toHaveAttribute('data-status', 'done');
  await expect(panels.answer(1)).toContainText(`Echo: ${marker} one`);
  await expect(panels.answer(2)).toHaveAttribute('data-status', 'error');
  await expect(panels.answer(3)).toHaveAttribute('data-status', 'error');
  await expect(page.getByRole('alert').filter({ hasText: 'interrupted' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The model provider is unavailable' })).toBeVisible();
  expect((await panels.answer(1).innerText()).split(' ').length).toBeGreaterThan(30);

  await panels.prompt(3).fill(`${marker} three fixed`);
  await panels.button('Retry prompt 3').click();
  await expect(panels.answer(3)).toHaveAttribute('data-status', 'done');
  await expect(panels.answer(3)).toContainText(`Echo: ${marker} three fixed`);
  await expect(panels.answer(1)).toContainText(`Echo: ${marker} one`);
});

test('compare mode sends one prompt to several models side by side', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('compare');
  await page.getByRole('radio', { name: 'Compare models' }).click();
  await page.getByRole('textbox', { name: 'Shared prompt' }).fill(`${marker} which is better?`);
  const models = ['fake-small', 'fake-large', 'fake-small'];
  for (const [index, model] of models.entries()) await page.getByRole('combobox', { name: `Model for prompt ${index + 1}` }).fill(model);
  await page.getByRole('spinbutton', { name: 'Temperature for prompt 3' }).fill('1.5');
  await panels.button('Run all').click();

  for (const n of [1, 2, 3]) await expect(panels.answer(n)).toContainText(`Echo: ${marker} which is better?`);
  const records = await upstreamRequests(marker);
  expect(records.map((record) => record.model).sort()).toEqual(['fake-large', 'fake-small', 'fake-small']);
  expect(records.map((record) => record.body.temperature ?? null).sort()).toEqual([1.5, null, null]);
});

test('the summary compares models by their median figures, and keeps the comparison while a new run streams', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const marker = uniqueMarker('bymodel');
  await panels.button('Remove prompt 3').click();
  await panels.fillPrompts([`${marker} small [[long 20]]`, `${marker} large [[long 20]]`]);
  await page.getByRole('combobox', { name: 'Model for prompt 1' }).fill('fake-small');
  await page.getByRole('combobox', { name: 'Model for prompt 2' }).fill('fake-large');
  await panels.button('Run all').click();
  for (const n of [1, 2]) await expect(panels.answer(n)).toHaveAttribute('data-status', 'done');

  const byModel = page.getByRole('table', { name: 'By model' });
  const figuresOf = (model: string) => byModel.getByRole('row', { name: new RegExp(`^${model} `) }).getByRole('cell');
  await expect(byModel.getByRole('row')).toHaveCount(3);
  for (const model of ['fake-small', 'fake-large']) {
    await expect(figuresOf(model)).toHaveText(['1', /^\d+(\.\d+)? m?s$/, /^\d+(\.\d)? tok\/s$/]);
  }

  // A second answer from the small model: the latest runs' summary waits for it, the comparison does not.
  await panels.prompt(1).fill(`${marker} again [[hold 1]] [[long 20]]`);
  await panels.button('Run prompt 1').click();
  await expect.poll(async () => (await upstreamRequests(`${marker} again`)).filter((record) => record.held).length).toBe(1);
  await expect(panels.answer(1)).toHaveAttribute('data-status', 'streaming');
  await expect(page.getByText('Total tokens')).toBeHidden();
  await expect(figuresOf('fake-small').first()).toHaveText('1');
  await releaseHeld(`${marker} again`);
  await expect(panels.answer(1)).toHaveAttribute('data-status', 'done');
  await expect(figuresOf('fake-small').first()).toHaveText('2');
  await expect(figuresOf('fake-large').first()).toHaveText('1');
});

test('a seventh prompt is refused with a clear message', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  for (let i = 0; i < 3; i++) await panels.button('Add prompt').click();
  await expect(panels.prompt(6)).toBeVisible();
  await panels.button('Add prompt').click();
  await expect(page.getByRole('alert').filter({ hasText: 'At most 6 prompts fit side by side' })).toBeVisible();
  await expect(panels.prompt(7)).toHaveCount(0);

  await panels.button('Remove prompt 6').click();
  await expect(panels.prompt(6)).toHaveCount(0);
});

test('bad input to the panel and room APIs is a 4xx JSON error', async ({ request }) => {
  const empty = await request.post('/api/collaborate/run', { data: { prompt: '   ' } });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ error: 'prompt: Write a prompt first.', code: 'bad_request' });

  const unknownRoom = await request.post('/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/commands', { data: { action: 'add-panel' } });
  expect(unknownRoom.status()).toBe(404);
  expect(await unknownRoom.json()).toMatchObject({ code: 'bad_request' });

  const created = await request.post('/api/rooms', { data: { panels: [{ prompt: 'hello' }] } });
  expect(created.status()).toBe(201);
  const { roomId } = (await created.json()) as { roomId: string };
  expect(Buffer.from(roomId, 'base64url')).toHaveLength(16);
  const badCommand = await request.post(`/api/rooms/${roomId}/commands`, { data: { action: 'launch' } });
  expect(badCommand.status()).toBe(400);
  expect(await badCommand.json()).toMatchObject({ code: 'bad_request' });
});
