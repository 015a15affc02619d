import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { releaseHeld, uniqueMarker } from './support/upstream';

test('model output cannot run script: tags, event handlers and javascript: links do nothing', async ({ page }) => {
  const chat = chatPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await chat.open();
  const marker = uniqueMarker('xss');
  const reply = [
    `${marker} before`,
    '<script>window.__xss = "script"; alert("script")</script>',
    '<img src="x" onerror="window.__xss = \'img\'; alert(\'img\')">',
    '[click me](javascript:window.__xss="link";alert("link"))',
    '<a href="javascript:alert(1)">raw link</a>',
    '[a safe link](https://example.com/docs)',
    'after',
  ].join('\n\n');
  await chat.send(`[[reply ${reply}]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText('after');

  await expect(chat.lastAnswer.locator('script')).toHaveCount(0);
  await expect(chat.lastAnswer.locator('[onerror]')).toHaveCount(0);
  await expect(chat.lastAnswer.locator('a[href^="javascript" i]')).toHaveCount(0);
  // Whatever is left of the unsafe links, clicking it must not run anything.
  await chat.lastAnswer.getByText('click me').click();
  await chat.lastAnswer.getByText('raw link').click();

  const safe = chat.lastAnswer.getByRole('link', { name: 'a safe link' });
  await expect(safe).toHaveAttribute('href', 'https://example.com/docs');
  await expect(safe).toHaveAttribute('target', '_blank');
  await expect(safe).toHaveAttribute('rel', 'noopener noreferrer');

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('Markdown renders GFM, and a code block has its language, highlighting and a Copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`${uniqueMarker('md')} [[markdown]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  await expect(chat.lastAnswer.getByRole('heading', { name: 'Streaming status' })).toBeVisible();
  await expect(chat.lastAnswer.getByRole('table')).toContainText('fake-large');
  await expect(chat.lastAnswer.getByRole('listitem')).toHaveCount(3);
  const codeBlock = chat.lastAnswer.locator('[data-streamdown="code-block"]');
  await expect(codeBlock).toContainText('ts');
  await expect(codeBlock.locator('pre')).toContainText('export function join');
  // Highlighting arrives with the lazily loaded highlighter: tokens get their own colours.
  await expect.poll(() => codeBlock.locator('pre span[style]').count()).toBeGreaterThan(5);

  await codeBlock.getByRole('button', { name: 'Copy code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('export function join(chunks: Chunk[]): string {');
});

test('task lists, strikethrough and half-finished markdown render sensibly', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`[[reply - [x] shipped\n- [ ] tested\n\n~~old plan~~ new plan]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer.getByRole('checkbox')).toHaveCount(2);
  await expect(chat.lastAnswer.getByRole('checkbox').first()).toBeChecked();
  await expect(chat.lastAnswer.locator('del')).toHaveText('old plan');

  // An answer cut off inside a code fence still shows its code as code.
  await chat.send("[[reply Here is the code:\n\n```python\nprint('a')\nprint('b')\nprint('c')]] [[cut 6]]");
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'error');
  await expect(chat.lastAnswer.locator('pre')).toContainText("print('a')");
  await expect(chat.lastAnswer.locator('pre')).not.toContainText('```');
});

test('code is readable while it streams: plain monospace text in its block, with the caret after it', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('codestream');
  // The upstream stops halfway through the code block until the test has looked at it.
  await chat.send(`${marker} [[markdown]] [[hold 50]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  const code = chat.lastAnswer.locator('[data-streamdown="code-block"] pre');
  await expect(code).toContainText('export function join');
  await expect(code).toBeVisible();
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer.getByRole('table')).toContainText('fake-large');
});

test('when the markdown renderer cannot load, the answer is still there, as plain text', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  // As after a redeploy: the page is open, but the renderer's code is gone from the server.
  await page.route('**/_next/static/chunks/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const marker = uniqueMarker('norenderer');
  await chat.send(`${marker} [[markdown]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText('export function join');
  await expect(chat.lastAnswer.getByRole('table')).toHaveCount(0);
  // The page around it still works.
  await expect(page.getByRole('combobox', { name: 'Message', exact: true })).toBeEditable();
});
