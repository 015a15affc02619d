import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
test('dbg', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await chat.input.focus();
  await page.keyboard.type('/');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const manager = page.getByRole('dialog', { name: 'Saved prompts' });
  await expect(manager).toBeVisible();
  await manager.getByRole('button', { name: 'Add a prompt' }).press('Enter');
  await page.keyboard.type('Bug report');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Steps');
  await manager.getByRole('button', { name: 'Save prompt' }).press('Enter');
  await expect(manager.getByRole('button', { name: `Edit Bug report` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
  await expect(chat.input).toBeFocused();
  await page.keyboard.type('/bug');
  for (let i = 0; i < 5; i++) {
    console.log(i, JSON.stringify(await page.evaluate(() => ({ active: document.activeElement?.outerHTML.slice(0, 200), value: (document.getElementById('chat-input') as HTMLTextAreaElement).value, ls: localStorage.getItem('rill-prompts')?.slice(0, 300) }))));
    await page.waitForTimeout(300);
  }
});
