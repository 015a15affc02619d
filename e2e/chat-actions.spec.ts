import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { uniqueMarker, upstreamRequests, wordsOf } from './support/upstream';

type Sent = { role: string; content: string };
const turns = (messages: Sent[]) => messages.filter((message) => message.role !== 'system').map((message) => [message.role, message.content]);

test('editing a sent message answers the edited history; Previous version brings the old branch back, and the model then gets it', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('edit');
  await chat.send(`first ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await chat.send(`second ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  await page.getByRole('listitem', { name: 'You said' }).nth(1).getByRole('button', { name: 'Edit message' }).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toHaveValue(`second ${marker}`);
  await editor.fill(`edited ${marker}`);
  await page.getByRole('button', { name: 'Submit edit' }).click();

  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: edited ${marker}`);
  await expect(page.getByTestId('message-user')).toHaveText([`first ${marker}`, `edited ${marker}`]);
  await expect(chat.assistantMessages).toHaveCount(2);

  const requests = await upstreamRequests(marker);
  expect(requests).toHaveLength(3);
  expect(turns(requests[2]!.body.messages ?? [])).toEqual([
    ['user', `first ${marker}`],
    ['assistant', `Echo: first ${marker}`],
    ['user', `edited ${marker}`],
  ]);

  const edited = page.getByRole('listitem', { name: 'You said' }).nth(1);
  await expect(edited.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await edited.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByTestId('message-user')).toHaveText([`first ${marker}`, `second ${marker}`]);
  await expect(chat.lastAnswer).toContainText(`Echo: second ${marker}`);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();

  await chat.send(`third ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const branch = (await upstreamRequests(marker))[3]!;
  expect(turns(branch.body.messages ?? [])).toEqual([
    ['user', `first ${marker}`],
    ['assistant', `Echo: first ${marker}`],
    ['user', `second ${marker}`],
    ['assistant', `Echo: second ${marker}`],
    ['user', `third ${marker}`],
  ]);
  await page.getByRole('button', { name: 'Next version' }).click();
  await expect(page.getByTestId('message-user')).toHaveText([`first ${marker}`, `edited ${marker}`]);
});

test('Regenerate answers again from the same history, keeping the earlier answer as version 1 of 2', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('regen');
  await chat.send(`${marker} [[long 5]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Regenerate answer' }).click();

  await expect.poll(async () => (await upstreamRequests(marker)).length).toBe(2);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.assistantMessages).toHaveCount(1);
  const [first, second] = await upstreamRequests(marker);
  expect(turns(second!.body.messages ?? [])).toEqual(turns(first!.body.messages ?? []));
  expect(turns(second!.body.messages ?? [])).toEqual([['user', `${marker} [[long 5]]`]]);
  await expect(chat.lastAnswer.locator('..').getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();
  await expect(chat.assistantMessages).toHaveCount(1);
});

test('Esc stops an answer; the partial answer is saved as stopped and survives a reload', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('stopsave');
  await chat.send(`${marker} [[hold 4]] [[long 300]]`);
  // Everything sent before the hold is on screen first: stopped sooner, the server would keep words
  // the page had not shown yet, and the reload would rightly bring them.
  await expect.poll(async () => wordsOf(await chat.lastAnswer.locator('.markdown').innerText()).length).toBe(4);
  await page.keyboard.press('Escape');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'stopped');
  await expect(chat.input).toBeFocused();
  const partial = (await chat.lastAnswer.locator('.markdown').innerText()).trim();
  expect(partial).toContain(`Echo: ${marker}`);

  await page.reload();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'stopped');
  await expect(chat.lastAnswer).toContainText('Stopped');
  expect((await chat.lastAnswer.locator('.markdown').innerText()).trim()).toBe(partial);
});

test('while an answer streams the box stays editable but nothing is sent until it ends', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('busy');
  await chat.send(`${marker} [[hold 2]] [[long 300]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  await chat.input.fill(`${marker} next question`);
  await chat.input.press('Enter');
  await expect(chat.input).toHaveValue(`${marker} next question`);
  await expect(page.getByTestId('message-user')).toHaveCount(1);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'stopped');
  await chat.input.press('Enter');
  await expect(page.getByTestId('message-user')).toHaveCount(2);
  await expect(chat.input).toHaveValue('');
});

test('Copy puts a message on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('copy');
  await chat.send(`[[reply **${marker}** is bold]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Copy answer' }).click();
  await expect(page.getByRole('button', { name: 'Copy answer' })).toHaveText('Copied');
  // The Markdown source is copied, as in ChatGPT, so pasting keeps the formatting.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`**${marker}** is bold`);
});

test('network loss and an unknown model each get their own message, and Retry works', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await page.route('**/api/chat', (route) => route.abort('internetdisconnected'));
  const marker = uniqueMarker('net');
  await chat.send(marker);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('Network connection lost');
  await page.unroute('**/api/chat');
  await chat.lastAnswer.getByRole('button', { name: 'Retry' }).click();
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);

  await chat.send(`${uniqueMarker('missing')} [[404]]`);
  await expect(chat.lastAnswer.getByRole('alert')).toContainText('Model not found');
  await expect(chat.lastAnswer.getByRole('button', { name: 'Retry' })).toBeVisible();
  // The error is a field of the message, not text pasted into the answer.
  await expect(chat.lastAnswer.locator('.markdown')).toHaveCount(0);
});
