import { expect, test, type Request } from '@playwright/test';
import { translatePage } from './support/translate-page';
import { releaseHeld, uniqueMarker, upstreamRequests } from './support/upstream';

type WireMessage = { role: string; content: string };
const messagesOf = (record: { body: { messages?: WireMessage[] } } | undefined) => record?.body.messages ?? [];
const instructionsOf = (record: Parameters<typeof messagesOf>[0]) => messagesOf(record).find((m) => m.role === 'system')?.content ?? '';
const userTextOf = (record: Parameters<typeof messagesOf>[0]) => messagesOf(record).find((m) => m.role === 'user')?.content ?? '';

// Each test walks through several translations; on a busy shared machine that can outlast the default 30 s.
test.describe.configure({ timeout: 60_000 });

test('typing translates without a click, sending the text and the chosen target language', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.target, 'germ', 'German');
  const marker = uniqueMarker('typing');
  const sent = page.waitForRequest((request: Request) => request.url().endsWith('/api/translate'));
  await translator.input.fill(`${marker} good morning`);

  expect((await sent).postDataJSON()).toEqual({ text: `${marker} good morning`, target: 'de', source: 'auto', tone: 'default' });
  await expect(translator.output).toContainText(`${marker} good morning`);
  await translator.waitForDone();
  const [record] = await upstreamRequests(marker);
  expect(instructionsOf(record)).toContain('into German (de)');
  expect(instructionsOf(record)).not.toContain(marker);
  expect(userTextOf(record)).toContain(`<source_text>\n${marker} good morning\n</source_text>`);
});

test('the detected source language is shown, the header never reaches the text, and Copy copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('detect');
  await translator.input.fill(`${marker} [[reply <lang>fr</lang> Hello from ${marker}]]`);
  await translator.waitForDone();
  await expect(translator.output).toContainText(`Hello from ${marker}`);
  await expect(translator.output).not.toContainText('<lang>');
  await expect(page.getByText('Detected: French')).toBeVisible();

  await page.getByRole('button', { name: 'Copy translation' }).click();
  await expect(page.getByRole('button', { name: 'Copy translation' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Hello from ${marker}`);
});

test('a newer edit aborts the slow translation in flight, upstream too, and its text never shows', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const stale = uniqueMarker('stale');
  const fresh = uniqueMarker('fresh');
  // Held before its first token: the upstream is still waiting when the abort arrives.
  await translator.input.fill(`${stale} [[hold 0]] [[reply STALE ${stale}]]`);
  await expect.poll(async () => (await upstreamRequests(stale)).length).toBe(1);

  await translator.input.fill(`${fresh} [[reply FRESH ${fresh}]]`);
  await expect.poll(async () => (await upstreamRequests(stale))[0]?.aborted).toBe(true);
  await translator.waitForDone();
  await expect(translator.output).toContainText(`FRESH ${fresh}`);
  expect((await upstreamRequests(stale))[0]?.tokensSent).toBe(0);
  await expect(translator.output).not.toContainText('STALE');
});

test('changing the target, source or tone re-translates at once, and the choices survive a reload', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('retarget');
  await translator.input.fill(`${marker} bonjour`);
  await translator.waitForDone();

  await translator.target.click();
  await page.getByRole('option', { name: /^French/ }).click();
  await expect(translator.target).toHaveValue('French');
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(2);
  expect(instructionsOf((await upstreamRequests(marker))[1])).toContain('into French (fr)');
  await expect(translator.output).toContainText('French (fr)');

  // Keyboard only: arrow opens the list, typing filters, Escape leaves it unchanged, Enter picks.
  await translator.source.focus();
  await translator.source.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Source language' }).getByRole('option').first()).toHaveText('Detect language');
  await translator.source.pressSequentially('ital');
  await translator.source.press('Escape');
  await expect(translator.source).toHaveValue('Detect language');
  await translator.source.pressSequentially('spa');
  await translator.source.press('Enter');
  await expect(translator.source).toHaveValue('Spanish');
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(3);
  expect(instructionsOf((await upstreamRequests(marker))[2])).toContain('The text is in Spanish (es).');

  await page.getByRole('group', { name: 'Tone' }).getByText('Formal', { exact: true }).click();
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(4);
  expect(instructionsOf((await upstreamRequests(marker))[3])).toContain('formal, polite register');
  await translator.waitForDone();

  await page.reload();
  await expect(translator.target).toHaveValue('French');
  await expect(translator.source).toHaveValue('Spanish');
  await expect(page.getByRole('radio', { name: 'Formal', exact: true })).toBeChecked();
  await expect(translator.input).toHaveValue(`${marker} bonjour`);
});

test('Swap moves the translation into the text and the languages across, and translates back', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const swapButton = page.getByRole('button', { name: 'Swap languages' });
  await expect(swapButton).toBeDisabled();
  const marker = uniqueMarker('swap');
  await translator.input.fill(`${marker} [[reply <lang>fr</lang> Hello ${marker}]]`);
  await translator.waitForDone();
  await expect(page.getByText('Detected: French')).toBeVisible();

  await swapButton.click();
  await expect(translator.input).toHaveValue(`Hello ${marker}`);
  await expect(translator.source).toHaveValue('English');
  await expect(translator.target).toHaveValue('French');
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(2);
  const back = (await upstreamRequests(marker))[1];
  expect(userTextOf(back)).toContain(`<source_text>\nHello ${marker}\n</source_text>`);
  expect(instructionsOf(back)).toContain('into French (fr)');
  expect(instructionsOf(back)).toContain('The text is in English (en).');
});

test('recent translations survive a reload and one click restores a translation without asking again', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('history');
  await translator.input.fill(`alpha ${marker}`);
  await translator.waitForDone();
  await translator.input.fill(`beta ${marker}`);
  await translator.waitForDone();
  await page.reload();

  const history = page.getByRole('region', { name: 'Recent translations' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await history.getByRole('button', { name: `alpha ${marker}` }).click();
  await expect(translator.input).toHaveValue(`alpha ${marker}`);
  await expect(translator.output).toContainText(`Echo: Translate the text`);
  await expect(translator.output).toContainText(`alpha ${marker}`);
  expect(await upstreamRequests(marker)).toHaveLength(2);
});

test('upstream errors show in the translation with Retry, keeping text that arrived', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const down = uniqueMarker('down');
  await translator.input.fill(`${down} [[500]]`);
  await expect(translator.output.getByRole('alert')).toContainText('The model provider is unavailable');
  const attempts = (await upstreamRequests(down)).length;
  await translator.output.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(async () => (await upstreamRequests(down)).length).toBeGreaterThan(attempts);

  const cut = uniqueMarker('cut');
  await translator.input.fill(`${cut} [[cut 4]]`);
  await expect(translator.output.getByRole('alert')).toContainText('interrupted');
  await expect(translator.output).toContainText('Echo: Translate the');
});

test('long text is translated paragraph by paragraph, in parallel but at most three at once, streamed in order', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('long');
  const filler = 'lorem ipsum dolor '.repeat(50).trim();
  // The first three wait upstream until the test lets each go; the fourth answers at once.
  const paragraphs = [
    `${marker} p1 [[hold 0]] [[reply First paragraph.]] ${filler}`,
    `${marker} p2 [[hold 0]] [[reply Second paragraph.]] ${filler}`,
    `${marker} p3 [[hold 0]] [[reply Third paragraph.]] ${filler}`,
    `${marker} p4 [[reply Fourth paragraph.]] ${filler}`,
  ];
  const paragraph = async (n: number) => (await upstreamRequests(marker)).find((record) => record.lastUserText.includes(`${marker} p${n} `));
  await translator.input.fill(paragraphs.join('\n\n'));

  // In parallel, but never more than three at once: the fourth waits while three are in flight.
  await expect.poll(async () => (await upstreamRequests(marker)).filter((record) => record.held).length).toBe(3);
  expect(await paragraph(4)).toBeUndefined();

  await releaseHeld(`${marker} p1 `);
  await expect(translator.output).toContainText('First paragraph.');
  await expect.poll(async () => (await paragraph(4))?.completed).toBe(true);
  // The third is finished upstream but waits, unseen, for the second: the text streams in order.
  await releaseHeld(`${marker} p3 `);
  await expect.poll(async () => (await paragraph(3))?.completed).toBe(true);
  await expect(translator.output).not.toContainText('Third paragraph.');

  await releaseHeld(`${marker} p2 `);
  await translator.waitForDone();
  expect(await translator.output.innerText()).toMatch(/First paragraph\.\s*\n\s*\nSecond paragraph\.\s*\n\s*\nThird paragraph\.\s*\n\s*\nFourth paragraph\./);
  const records = await upstreamRequests(marker);
  expect(records).toHaveLength(4);
  const running = records.map((record) => records.filter((other) => other.startedAt <= record.startedAt && other.endedAt! > record.startedAt).length);
  expect(Math.max(...running)).toBeLessThanOrEqual(3);
});

test('past the character limit a clear message shows and nothing is sent; Ctrl+Enter translates again', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const sentLengths: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/translate')) sentLengths.push((request.postDataJSON() as { text: string }).text.length);
  });
  const marker = uniqueMarker('limit');
  const atLimit = `${marker} `.padEnd(5_000, 'x');
  await translator.input.fill(`${atLimit}y`);
  const overLimit = page.getByText(/over the 5,000-character limit/);
  await expect(overLimit).toContainText('1 character over the 5,000-character limit');
  await expect(page.getByText('5,001 / 5,000')).toBeVisible();

  await translator.input.press('Backspace');
  await expect(overLimit).toHaveCount(0);
  await translator.waitForDone();
  await translator.input.press('Control+Enter');
  await expect.poll(() => sentLengths.length).toBe(2);
  await translator.waitForDone();
  expect(sentLengths).toEqual([5_000, 5_000]);
  // The repeat asks for the same deterministic translation, so the response cache answers it.
  expect(await upstreamRequests(marker)).toHaveLength(1);
});
