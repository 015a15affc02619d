import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { chatPage, sidebar } from './support/chat-page';
import { releaseHeld, uniqueMarker } from './support/upstream';

/** Chat state is written to storage at most twice a second, and at once when the page is hidden. */
async function flushStorage(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}

async function converse(page: Page, text: string) {
  const chat = chatPage(page);
  await chat.send(text);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
}

test('each conversation has its own URL; the sidebar lists them newest first; reload and Back work', async ({ page }) => {
  const chat = chatPage(page);
  const bar = sidebar(page);
  await chat.open();
  const marker = uniqueMarker('nav');
  await converse(page, `Alpha ${marker}`);
  await expect(page).toHaveURL(/\/chat\/[\w-]+$/);
  const alphaUrl = page.url();

  await bar.newChat.click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('heading', { name: 'What can I help with?' })).toBeVisible();
  await expect(chat.input).toBeFocused();
  await converse(page, `Beta ${marker}`);
  const betaUrl = page.url();
  expect(betaUrl).not.toBe(alphaUrl);

  // Titles come from the first message.
  await expect(bar.titles).toHaveText([`Beta ${marker}`, `Alpha ${marker}`]);
  await expect(page.getByRole('link', { name: `Beta ${marker}` })).toHaveAttribute('aria-current', 'page');

  await bar.row(`Alpha ${marker}`).getByRole('link').click();
  await expect(page).toHaveURL(alphaUrl);
  await expect(page.getByTestId('message-user')).toHaveText([`Alpha ${marker}`]);
  await page.goBack();
  await expect(page).toHaveURL(betaUrl);
  await expect(page.getByTestId('message-user')).toHaveText([`Beta ${marker}`]);
  await page.reload();
  await expect(page.getByTestId('message-user')).toHaveText([`Beta ${marker}`]);

  // Ctrl+Shift+O starts a new chat from anywhere.
  await page.keyboard.press('Control+Shift+O');
  await expect(page).toHaveURL(/\/chat$/);
  await expect(chat.input).toBeFocused();
});

test('rename, search by title and content, delete with undo', async ({ page }) => {
  const chat = chatPage(page);
  const bar = sidebar(page);
  await chat.open();
  const marker = uniqueMarker('manage');
  await converse(page, `Pasta ${marker} [[reply Try carbonara with guanciale.]]`);
  await bar.newChat.click();
  await converse(page, `Trip ${marker}`);

  await bar.row(`Pasta ${marker}`).getByRole('button', { name: 'Rename conversation' }).click();
  const title = page.getByRole('textbox', { name: 'Conversation title' });
  await title.fill('Dinner ideas');
  await title.press('Enter');
  await expect(bar.titles).toHaveText([`Trip ${marker}`, 'Dinner ideas']);

  await bar.search.fill('GUANCIALE');
  await expect(bar.titles).toHaveText(['Dinner ideas']);
  await bar.search.fill('trip');
  await expect(bar.titles).toHaveText([`Trip ${marker}`]);
  await bar.search.fill('');

  await bar.row('Dinner ideas').getByRole('button', { name: 'Delete conversation' }).click();
  await expect(bar.titles).toHaveText([`Trip ${marker}`]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(bar.titles).toHaveText([`Trip ${marker}`, 'Dinner ideas']);
  await expect(page.getByTestId('message-assistant')).toContainText('Try carbonara with guanciale.');

  // Deleting the open conversation leaves for a new chat; the deletion persists.
  await bar.row('Dinner ideas').getByRole('button', { name: 'Delete conversation' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await page.reload();
  await expect(bar.titles).toHaveText([`Trip ${marker}`]);
});

test('search by a word from an answer body finds its conversation and opens it scrolled to that answer, marked', async ({ page }) => {
  const chat = chatPage(page);
  const bar = sidebar(page);
  await chat.open();
  const marker = uniqueMarker('find');
  // The filler of [[long N]] ("river stone light … lantern …") is in the answer only, never in the question.
  await converse(page, `Story ${marker} [[long 40]]`);
  for (const turn of [1, 2, 3]) await converse(page, `Next ${turn} ${marker} [[reply ${'Nothing to see here. '.repeat(40)}]]`);
  await bar.newChat.click();
  await converse(page, `Other ${marker}`);

  await bar.search.fill('lantern');
  await expect(bar.titles).toHaveCount(1);
  await expect(bar.titles).toContainText(`Story ${marker}`);
  await expect(bar.list.getByRole('status')).toHaveText('1 conversation matches');
  await expect(bar.list.locator('mark').first()).toHaveText('lantern');

  await bar.titles.first().click();
  await expect(chat.assistantMessages).toHaveCount(4);
  await expect(chat.assistantMessages.first()).toBeInViewport();
  await expect(chat.assistantMessages.last()).not.toBeInViewport();
  // The words are a CSS Custom Highlight (Chromium has the API): there is no element to select.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('search-match')?.size ?? 0)).toBeGreaterThan(0);
});

test('export all and import round-trip; a malformed file is rejected and changes nothing', async ({ page, browser }) => {
  const chat = chatPage(page);
  const bar = sidebar(page);
  await chat.open();
  const marker = uniqueMarker('export');
  await converse(page, `Keep ${marker}`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.format).toBe('rill-conversations');
  expect(exported.conversations[0].messages.map((message: { text: string }) => message.text)).toEqual([`Keep ${marker}`, `Echo: Keep ${marker}`]);

  // What the page holds once written (the store writes on a timer), for the refused imports to leave as it is.
  await flushStorage(page);
  const before = await page.evaluate(() => localStorage.getItem('rill-chat'));
  await page.getByLabel('Import conversations file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rill-conversations","version":1,"conversations":[{"id":1}]}') });
  const conversations = page.getByRole('complementary', { name: 'Conversations' });
  await expect(conversations.getByRole('alert')).toContainText('not a Rill conversations file');
  await page.getByLabel('Import conversations file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(conversations.getByRole('alert')).toContainText('not JSON');
  await expect(bar.titles).toHaveText([`Keep ${marker}`]);
  await flushStorage(page);
  expect(await page.evaluate(() => localStorage.getItem('rill-chat'))).toBe(before);

  // A fresh browser imports the exported file and shows the conversation as it was.
  const other = await browser.newPage();
  await other.goto(page.url().replace(/\/chat\/.*$/, '/chat'));
  await other.getByLabel('Import conversations file').setInputFiles(file);
  await expect(other.getByRole('complementary', { name: 'Conversations' }).getByRole('status')).toContainText('Imported 1 conversation');
  await sidebar(other).row(`Keep ${marker}`).getByRole('link').click();
  await expect(other.getByTestId('message-assistant')).toContainText(`Echo: Keep ${marker}`);
  await other.close();
});

test('a conversation exports as Markdown', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('md-export');
  await converse(page, `Notes ${marker}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export conversation as Markdown' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  expect(text).toContain(`# Notes ${marker}`);
  expect(text).toContain(`## You\n\nNotes ${marker}`);
  expect(text).toContain(`Echo: Notes ${marker}`);
});

test('a full browser storage shows a message and keeps what was saved', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('quota');
  await converse(page, `Saved ${marker}`);
  await flushStorage(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await converse(page, `Not saved ${marker}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Browser storage is full' })).toBeVisible();
  const saved = await page.evaluate(() => localStorage.getItem('rill-chat'));
  expect(saved).toContain(`Saved ${marker}`);
});

test('auto-scroll follows the answer until the user scrolls up; "Jump to latest" brings it back', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('scroll');
  // Two screens of answer arrive, then the upstream waits until the user has scrolled up.
  await chat.send(`${marker} [[pace 1]] [[hold 600]] [[long 900]]`);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  const scroller = page.getByRole('list', { name: 'Messages' }).locator('..');
  const distanceFromEnd = () => scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  await expect.poll(() => scroller.evaluate((element) => element.scrollHeight > element.clientHeight * 1.5)).toBe(true);
  await expect.poll(distanceFromEnd).toBeLessThan(48);
  await expect(jump).toBeHidden();
  // A person scrolls up with the mouse wheel.
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -5000);
  await expect(jump).toBeVisible();
  const readingAt = await scroller.evaluate((element) => element.scrollTop);
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  // The rest of the answer arrived below; the reader was left where they were.
  expect(Math.abs((await scroller.evaluate((element) => element.scrollTop)) - readingAt)).toBeLessThan(50);
  await jump.click();
  await expect(jump).toBeHidden();
  await expect.poll(distanceFromEnd).toBeLessThan(48);
});

test('the answer keeps following to its end when nobody scrolls, however long it grows', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('follow');
  // Whether "Jump to latest" (the sign that the view let go) ever shows while the answer streams.
  await page.evaluate(() => {
    (window as unknown as { jumpShown: boolean }).jumpShown = false;
    new MutationObserver(() => {
      if ([...document.querySelectorAll('button')].some((button) => button.textContent?.includes('Jump to latest'))) (window as unknown as { jumpShown: boolean }).jumpShown = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await chat.send(`${marker} [[pace 1]] [[bench-markdown 1500]]`);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  const scroller = page.getByRole('list', { name: 'Messages' }).locator('..');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { jumpShown: boolean }).jumpShown)).toBe(false);
  await expect(jump).toBeHidden();
  await expect.poll(() => scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBeLessThan(48);
});

test('on a phone the conversations are in a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('phone');
  await converse(page, `Phone ${marker}`);
  const bar = sidebar(page);
  await expect(bar.list).toBeHidden();
  await page.getByRole('button', { name: 'Open conversations' }).click();
  await expect(bar.titles).toHaveText([`Phone ${marker}`]);
  await page.keyboard.press('Escape');
  await expect(bar.list).toBeHidden();
  await page.getByRole('button', { name: 'Open conversations' }).click();
  await bar.newChat.click();
  await expect(bar.list).toBeHidden();
  await expect(page).toHaveURL(/\/chat$/);
});

test('conversations saved by the previous storage version are migrated and open at their URL', async ({ page }) => {
  const marker = uniqueMarker('migrate');
  await page.addInitScript((text) => {
    if (localStorage.getItem('rill-chat')) return;
    const message = (id: string, role: string, body: string, status?: string) => ({ id, role, text: body, createdAt: 1, status });
    const v1 = {
      version: 1,
      state: {
        activeId: 'old',
        conversations: {
          old: { id: 'old', title: text, createdAt: 1, updatedAt: 2, settings: {}, messages: [message('u', 'user', text), message('a', 'assistant', 'Half an ans', 'streaming')] },
          empty: { id: 'empty', title: 'New chat', createdAt: 1, updatedAt: 3, settings: {}, messages: [] },
        },
      },
    };
    localStorage.setItem('rill-chat', JSON.stringify(v1));
  }, `Saved before ${marker}`);
  await page.goto('/chat/old');
  await expect(page.getByTestId('message-user')).toHaveText([`Saved before ${marker}`]);
  // An answer that was streaming when the old version saved it is kept, as stopped.
  await expect(page.getByTestId('message-assistant')).toHaveAttribute('data-status', 'stopped');
  await expect(sidebar(page).titles).toHaveText([`Saved before ${marker}`]);
});
