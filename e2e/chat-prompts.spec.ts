import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { accountPage, newAccount } from './support/account-page';
import { chatPage } from './support/chat-page';

/** The message box's `/` menu and the prompt manager, as a screen reader names them. */
function prompts(page: Page) {
  const menu = page.getByRole('listbox', { name: 'Saved prompts' });
  const manager = page.getByRole('dialog', { name: 'Saved prompts' });
  return {
    menu,
    manager,
    option: (name: string) => menu.getByRole('option', { name }),
    /** Resolves once the server has taken the list (the store saves a moment after a change). */
    saved: () => page.waitForResponse((response) => response.url().endsWith('/api/prompts') && response.request().method() === 'PUT' && response.ok()),
    /** Adds a prompt in the open manager, by keyboard: the name field has the focus once "Add a prompt" is pressed. */
    async add(name: string, text: string) {
      await manager.getByRole('button', { name: 'Add a prompt' }).press('Enter');
      await expect(manager.getByRole('textbox', { name: 'Name' })).toBeFocused();
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      await expect(manager.getByRole('textbox', { name: 'Prompt text' })).toBeFocused();
      await page.keyboard.type(text);
      await manager.getByRole('button', { name: 'Save prompt' }).press('Enter');
      await expect(manager.getByRole('button', { name: `Edit ${name}` })).toBeVisible();
      await expect(manager.getByRole('button', { name: 'Add a prompt' })).toBeFocused();
    },
  };
}

const focusIsIn = (page: Page, selector: string) => page.evaluate((within) => document.querySelector(within)?.contains(document.activeElement) ?? false, selector);

test('a prompt saved in the manager is inserted with / by keyboard alone; Esc keeps what was typed; it survives a reload and reaches the server', async ({ page, browser }) => {
  const chat = chatPage(page);
  const { menu, manager, option, saved, add } = prompts(page);
  await chat.open();
  await chat.input.focus();

  // "/" lists the prompts; its last option, reached with ArrowUp, opens the manager.
  await page.keyboard.type('/');
  await expect(chat.input).toHaveAttribute('aria-expanded', 'true');
  await expect(option('Summarise')).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(option('Manage prompts…')).toHaveAttribute('aria-selected', 'true');
  await expect(chat.input).toHaveAttribute('aria-activedescendant', (await option('Manage prompts…').getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(manager).toBeVisible();
  await expect.poll(() => focusIsIn(page, 'dialog[open]')).toBe(true);
  await expect(chat.input).toHaveValue('');

  const stored = saved();
  await add('Bug report', 'Steps to reproduce:\n1. ');
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
  await expect(chat.input).toBeFocused();

  // The saved prompt, found by its name's start, inserted with ArrowDown and Enter, and nothing sent.
  await page.keyboard.type('/bug');
  await expect(option('Bug report')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(option('Bug report')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(chat.input).toHaveValue('Steps to reproduce:\n1. ');
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('message-user')).toHaveCount(0);

  // A built-in matches too; Esc closes the menu and keeps "/sum" as typed.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('/sum');
  await expect(option('Summarise')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(chat.input).toHaveValue('/sum');
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');

  await stored;
  await page.reload();
  await expect(chat.input).toBeEditable();
  await chat.input.focus();
  await page.keyboard.type('/bu');
  await expect(option('Bug report')).toBeVisible();

  // Another browser of the same guest (its cookie, none of this browser's storage) gets it from the server.
  const other = await browser.newContext({ storageState: { cookies: await page.context().cookies(), origins: [] } });
  const second = await other.newPage();
  const secondChat = chatPage(second);
  await secondChat.open();
  await secondChat.input.focus();
  await second.keyboard.type('/bug');
  await expect(prompts(second).option('Bug report')).toBeVisible();
  await second.keyboard.press('Tab');
  await expect(secondChat.input).toHaveValue('Steps to reproduce:\n1. ');
  await other.close();
});

test('a signed-in user’s prompt, added from Settings, appears in a second browser signed in as the same user', async ({ page, browser }) => {
  const account = newAccount('prompts');
  await accountPage(page).signUp(account);
  const { manager, saved, add } = prompts(page);
  await page.getByRole('button', { name: 'Settings' }).press('Enter');
  const opener = page.getByRole('button', { name: 'Saved prompts…' });
  await opener.press('Enter');
  await expect(manager).toBeVisible();
  const stored = saved();
  await add('Weekly update', 'Write my weekly update from these notes:');
  await manager.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(manager).toBeHidden();
  await expect(opener).toBeFocused();
  await stored;

  const other = await browser.newContext();
  const laptop = await other.newPage();
  await accountPage(laptop).signIn(account);
  const laptopChat = chatPage(laptop);
  await laptopChat.input.focus();
  await laptop.keyboard.type('/week');
  await expect(prompts(laptop).option('Weekly update')).toBeVisible();
  await laptop.keyboard.press('Enter');
  await expect(laptopChat.input).toHaveValue('Write my weekly update from these notes:');
  await other.close();
});

test('prompts export to a file that imports into another browser; a bad file says why and changes nothing', async ({ page, browser }) => {
  const chat = chatPage(page);
  const { manager, add } = prompts(page);
  await chat.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Saved prompts…' }).click();
  await add('Release notes', 'Turn these commits into release notes:');
  const download = page.waitForEvent('download');
  await manager.getByRole('button', { name: 'Export prompts' }).click();
  const file = await (await download).path();
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'rill-prompts', version: 1, prompts: [{ name: 'Release notes', text: 'Turn these commits into release notes:' }] });

  const other = await browser.newContext();
  const second = await other.newPage();
  const secondPrompts = prompts(second);
  await chatPage(second).open();
  await second.getByRole('button', { name: 'Settings' }).click();
  await second.getByRole('button', { name: 'Saved prompts…' }).click();
  const input = secondPrompts.manager.getByLabel('Import prompts file');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(secondPrompts.manager.getByRole('alert')).toContainText('This file is not JSON');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rill-prompts","version":1,"prompts":[{"id":"x","name":"","text":"t","updatedAt":1}]}') });
  await expect(secondPrompts.manager.getByRole('alert')).toContainText('not a Rill prompts file (at prompts.0.name)');
  await expect(secondPrompts.manager.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await input.setInputFiles(file);
  await expect(secondPrompts.manager.getByText('Imported 1 prompt.')).toBeVisible();
  await expect(secondPrompts.manager.getByRole('button', { name: 'Edit Release notes' })).toBeVisible();
  await other.close();
});

test('PUT /api/prompts refuses a prompt over the limits with a 400 that says why', async ({ page }) => {
  await chatPage(page).open();
  const prompt = { id: 'p1', name: 'Fine', text: 'Fine', updatedAt: 1 };
  const longName = await page.request.put('/api/prompts', { data: { prompts: [{ ...prompt, name: 'n'.repeat(101) }], updatedAt: 1 } });
  expect(longName.status()).toBe(400);
  expect(await longName.json()).toEqual({ code: 'bad_request', error: expect.stringMatching(/prompts\.0\.name: .*at most 100 characters/) });
  const longText = await page.request.put('/api/prompts', { data: { prompts: [{ ...prompt, text: 't'.repeat(20_001) }], updatedAt: 1 } });
  expect(longText.status()).toBe(400);
  expect(await longText.json()).toMatchObject({ error: expect.stringMatching(/at most 20,000 characters/) });
  const kept = await page.request.get('/api/prompts');
  expect(await kept.json()).toMatchObject({ prompts: [], maxSaved: 200 });
});
