import { expect, test } from '@playwright/test';
import { translatePage } from './support/translate-page';

test('offline, a built-in phrase is translated and its language detected', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await expect(page.getByText('Offline demo:')).toBeVisible();
  await translator.choose(translator.target, 'deutsch', 'German');
  await translator.input.fill('Good morning!');
  await translator.waitForDone();
  await expect(translator.output).toHaveText('Guten Morgen');
  await expect(page.getByText('Detected: English')).toBeVisible();

  await translator.choose(translator.target, 'ja', 'Japanese');
  await translator.waitForDone();
  await expect(translator.output).toHaveText('おはようございます');
});

test('offline, any other text gets a plain "not translated" note, never a made-up translation', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.target, 'fren', 'French');
  await translator.input.fill('The weather is lovely today.');
  await translator.waitForDone();
  await expect(translator.output).toContainText('Offline demo — not translated.');
  await expect(translator.output).toContainText('OPENAI_API_KEY');
  await expect(page.getByText(/^Detected:/)).toHaveCount(0);
});
