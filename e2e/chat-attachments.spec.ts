import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { attachments, flushStorage, paddedPng, TINY_PNG } from './support/attachment-files';
import { chatPage, sidebar } from './support/chat-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

type WireContent = string | { type: string; text?: string; image_url?: { url: string } }[];

/** The last user message of the one upstream request that carried `marker`, as it went over the wire. */
async function lastUserContent(marker: string): Promise<WireContent> {
  const [request] = await upstreamRequests(marker);
  expect(request, `a request containing ${marker} reached the fake upstream`).toBeDefined();
  const messages = request!.body.messages as unknown as { role: string; content: WireContent }[];
  return messages.filter((message) => message.role === 'user').at(-1)!.content;
}

const sentFiles = (page: Page) => page.getByRole('listitem', { name: 'You said' }).last().getByRole('list', { name: 'Attached files' }).getByRole('listitem');

test('an attached Markdown file reaches the model inside a block named by its file name', async ({ page }) => {
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  const marker = uniqueMarker('md-file');
  await files.input.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Shopping\n- apples ${marker}\n- pears`) });
  await files.waitUntilReady(1);
  await expect(files.chips.first()).toContainText('notes.md');
  await chat.send(`What is on the list? ${marker}-question`);
  await chat.waitForAnswerDone();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(files.chips).toHaveCount(0);
  await expect(sentFiles(page)).toHaveText([/notes\.md/]);

  const content = await lastUserContent(`${marker}-question`);
  const text = typeof content === 'string' ? content : content.map((part) => part.text ?? '').join('');
  expect(text).toContain(`<file name="notes.md">\n# Shopping\n- apples ${marker}\n- pears\n</file>`);
  expect(text).toContain(`What is on the list? ${marker}-question`);
});

test('an attached image reaches the model as an image_url part with a data URL', async ({ page }) => {
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  const marker = uniqueMarker('png-file');
  await files.input.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: TINY_PNG });
  await files.waitUntilReady(1);
  await expect(files.chips.first().getByRole('button', { name: 'Remove dot.png' })).toBeVisible();
  await chat.send(`Describe it ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(sentFiles(page).getByRole('img', { name: 'dot.png' })).toBeVisible();

  const content = await lastUserContent(marker);
  expect(Array.isArray(content)).toBe(true);
  expect(content).toContainEqual({ type: 'text', text: `Describe it ${marker}` });
  expect(content).toContainEqual(expect.objectContaining({ type: 'image_url', image_url: expect.objectContaining({ url: `data:image/png;base64,${TINY_PNG.toString('base64')}` }) }));
});

test('a file over the limit is refused with a clear message; the text typed and the other files stay', async ({ page }) => {
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  await files.input.setInputFiles({ name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('a small file') });
  await files.waitUntilReady(1);
  await chat.input.fill('Please keep this draft');
  // Over the default RILL_ATTACHMENT_MAX_BYTES (10 MB).
  await files.input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([TINY_PNG, Buffer.alloc(11 * 1024 * 1024 - TINY_PNG.length)]) });
  await expect(page.getByRole('alert').filter({ hasText: 'huge.png' })).toContainText('huge.png is 11 MB: files may be at most 10 MB.');
  await expect(chat.input).toHaveValue('Please keep this draft');
  await expect(files.chips).toHaveText([/small\.txt/]);
  await expect(files.send).toBeEnabled();
  // A file Rill cannot read is refused the same way, naming it.
  await files.input.setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not really a video') });
  await expect(page.getByRole('alert').filter({ hasText: 'clip.mp4' })).toContainText('clip.mp4 cannot be attached');
  await expect(chat.input).toHaveValue('Please keep this draft');
  await expect(files.chips).toHaveCount(1);
});

test('five 2 MB images survive a reload and an export/import round trip, and localStorage stays small', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  const marker = uniqueMarker('five-images');
  const images = [1, 2, 3, 4, 5].map((seed) => ({ name: `photo-${seed}.png`, mimeType: 'image/png', buffer: paddedPng(2 * 1024 * 1024, seed) }));
  await files.input.setInputFiles(images);
  await files.waitUntilReady(5, 60_000);
  await chat.send(`Five photos ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(sentFiles(page)).toHaveCount(5);

  const localStorageSize = () => page.evaluate(() => JSON.stringify(localStorage).length);
  await flushStorage(page);
  expect(await localStorageSize()).toBeLessThan(200_000);

  await page.reload();
  await expect(sentFiles(page)).toHaveCount(5);
  for (const image of images) {
    const shown = sentFiles(page).getByRole('img', { name: image.name });
    await expect(shown).toBeVisible();
    // Decoded from the body kept in IndexedDB: the padding chunk is skipped, the pixel is there.
    await expect.poll(() => shown.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);
  }
  expect(await localStorageSize()).toBeLessThan(200_000);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { version: number; attachments: Record<string, { name: string }> };
  expect(exported.version).toBe(2);
  expect(Object.values(exported.attachments).map((attachment) => attachment.name).sort()).toEqual(images.map((image) => image.name));

  // A fresh browser: no cookie, no IndexedDB, no localStorage.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await context.newPage();
  await chatPage(other).open();
  await other.getByLabel('Import conversations file').setInputFiles(file);
  await expect(other.getByRole('complementary', { name: 'Conversations' }).getByRole('status')).toContainText('Imported 1 conversation', { timeout: 60_000 });
  await sidebar(other).row(`Five photos ${marker}`).getByRole('link').click();
  await expect(sentFiles(other)).toHaveCount(5);
  for (const image of images) await expect.poll(() => sentFiles(other).getByRole('img', { name: image.name }).evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);
  await flushStorage(other);
  expect(await other.evaluate(() => JSON.stringify(localStorage).length)).toBeLessThan(200_000);
  await context.close();
});
