import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';

test('a chosen dark theme is in the page the server sends: a reload never paints a light frame', async ({ page, browser, baseURL }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const chat = chatPage(page);
  await chat.open();
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await expect(toggle).toHaveAccessibleName('Theme: system. Switch to dark');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveClass('dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark. Switch to light');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // The same page with no JavaScript at all is dark from its first paint: nothing waits for a script.
  const cookies = await page.context().cookies();
  const noScript = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light', baseURL });
  await noScript.addCookies(cookies);
  const raw = await noScript.newPage();
  await raw.goto('/chat');
  expect(await raw.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  // And the light page is another colour, so the check can tell them apart.
  await noScript.clearCookies();
  await raw.reload();
  expect(await raw.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(dark);
  await noScript.close();
});
