import { expect, test, type Locator, type Page } from '@playwright/test';
import { chatPage, sidebar } from './support/chat-page';
import { uniqueMarker } from './support/upstream';

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has the focus, as a keyboard user gets there; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let presses = 0; presses < limit && !(await hasFocus(target)); presses++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

async function converse(page: Page, text: string) {
  const chat = chatPage(page);
  await chat.send(text);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
}

test('on a phone the conversations drawer is a modal dialog: the focus moves in, Tab goes round inside it, and closing gives it back to the menu button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await chatPage(page).open();
  await converse(page, `Phone ${uniqueMarker('drawer-keys')}`);
  const menu = page.getByRole('button', { name: 'Open conversations' });
  const drawer = page.getByRole('dialog', { name: 'Conversations' });
  const first = drawer.getByRole('button', { name: 'New chat' });
  const focusIsInDrawer = () => drawer.evaluate((element) => element.contains(document.activeElement));

  await tabTo(page, menu);
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await expect(first).toBeFocused();

  // Forwards: every stop is inside the drawer, and after its last control the first comes round again.
  let presses = 0;
  do {
    await page.keyboard.press('Tab');
    presses++;
    expect(await focusIsInDrawer(), `the focus after Tab no. ${presses}`).toBe(true);
  } while (presses < 20 && !(await hasFocus(first)));
  await expect(first).toBeFocused();
  // Round through the list's controls (close, search, the row's link, rename, delete, export, import), not stuck on one.
  expect(presses).toBeGreaterThanOrEqual(8);
  // Backwards: from the first control to the last, and on round, never out.
  await page.keyboard.press('Shift+Tab');
  await expect(drawer.getByRole('button', { name: 'Import' })).toBeFocused();
  for (let back = 1; back <= presses; back++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsInDrawer(), `the focus after Shift+Tab no. ${back + 1}`).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // The close button does the same.
  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(drawer.getByRole('button', { name: 'Close conversations' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // And so does a tap on the backdrop beside the drawer (it is at most 320 px wide).
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await page.mouse.click(370, 500);
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
});

test('by keyboard, a rename gives the focus back to the row, a delete puts it on Undo, and Undo on the restored row', async ({ page }) => {
  const chat = chatPage(page);
  const bar = sidebar(page);
  await chat.open();
  const marker = uniqueMarker('row-keys');
  await converse(page, `Pasta ${marker}`);
  const title = page.getByRole('textbox', { name: 'Conversation title' });
  const row = bar.row('Dinner ideas');
  const link = row.getByRole('link');

  await tabTo(page, bar.row(`Pasta ${marker}`).getByRole('link'));
  await page.keyboard.press('Tab');
  await expect(bar.row(`Pasta ${marker}`).getByRole('button', { name: 'Rename conversation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Dinner ideas');
  await page.keyboard.press('Enter');
  await expect(bar.titles).toHaveText(['Dinner ideas']);
  await expect(link).toBeFocused();

  // Esc drops the edit and the focus is back on the row all the same.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Rename conversation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();
  await page.keyboard.type(' for Friday');
  await page.keyboard.press('Escape');
  await expect(link).toBeFocused();
  await expect(bar.titles).toHaveText(['Dinner ideas']);

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Delete conversation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bar.titles).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);

  await page.keyboard.press('Enter');
  await expect(bar.titles).toHaveText(['Dinner ideas']);
  await expect(link).toBeFocused();
  await expect(page.getByTestId('message-user')).toHaveText([`Pasta ${marker}`]);
});
