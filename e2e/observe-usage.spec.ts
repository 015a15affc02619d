import { expect, test, type Page } from '@playwright/test';
import { appPort } from './ports';
import { chatPage } from './support/chat-page';
import { streamChat } from './support/chat-request';
import { uniqueMarker } from './support/upstream';

const baseURL = `http://127.0.0.1:${appPort}`;
// Chat turns, then the charts, then a refresh cycle: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });
const slow = { timeout: 20_000 };

function requestCount(page: Page) {
  return async () => Number((await page.getByTestId('usage-Requests').innerText()).replace(/\D/g, ''));
}

test('/usage draws the last hour from real traffic and keeps refreshing', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`${uniqueMarker('usage')} [[long 30]]`);
  await chat.waitForAnswerDone();
  await chat.send(`${uniqueMarker('usage-down')} [[500]]`);
  await chat.waitForAnswerDone();

  await page.goto('/usage');
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  await expect.poll(requestCount(page), slow).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('usage-Tokens in / out')).not.toHaveText('0 / 0');
  await expect(page.getByTestId('usage-First token p50 / p95 / p99')).toHaveText(/^[\d.]+m?s \/ [\d.]+m?s \/ [\d.]+m?s$/);

  for (const name of ['Requests', 'Tokens', 'Time to first token', 'Cache hit rate']) {
    await expect(page.getByRole('figure', { name })).toBeVisible();
  }
  // Bars and points that stand for real minutes, not just empty axes.
  await expect(page.getByRole('figure', { name: 'Requests' }).locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Time to first token' }).locator('.recharts-line-dot').first()).toBeVisible();
  const errors = page.getByRole('figure', { name: 'Errors' });
  await expect(errors.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(errors.getByText('Unavailable')).toBeVisible();

  // New traffic shows up without a reload.
  const before = await requestCount(page)();
  expect((await streamChat(baseURL, uniqueMarker('usage-live'))).status).toBe(200);
  await expect.poll(requestCount(page), slow).toBeGreaterThan(before);
});

test('/usage fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/usage');
  await expect(page.getByRole('figure', { name: 'Requests' })).toBeVisible(slow);
  const main = page.getByRole('main');
  expect(await main.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  for (const figure of await page.getByRole('figure').all()) {
    const box = await figure.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
  }
});
