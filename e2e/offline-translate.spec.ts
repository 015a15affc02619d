import { expect, test } from '@playwright/test';
import { layoutShiftOf, recordLayoutShift } from './support/layout-shift';
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

test('offline, the notice is in the first HTML, so the page never shifts, on a desktop or a phone, first visit or back again', async ({ browser, request }) => {
  expect(await (await request.get('/translate')).text()).toContain('Offline demo:');
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await recordLayoutShift(page);
    const translator = translatePage(page);
    await translator.open();
    await expect(translator.input).toBeFocused();
    await translator.input.pressSequentially('Hello');
    await translator.waitForDone();
    expect(await layoutShiftOf(page), `layout shift at ${viewport.width} px`).toBe(0);
    // Back again: the text, its translation and the history come back from storage, moving nothing.
    await translator.open();
    await expect(translator.output).toHaveText(/\S/);
    expect(await layoutShiftOf(page), `layout shift at ${viewport.width} px, coming back`).toBe(0);
    await context.close();
  }
});

test('offline, a sentence still gets alternatives, one saying it is the demo, and choosing one replaces it', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.target, 'deutsch', 'German');
  await translator.input.fill('Thank you');
  await translator.waitForDone();
  await translator.output.getByRole('button', { name: 'Danke' }).click();
  const alternatives = page.getByRole('dialog', { name: 'Alternatives' });
  await expect(alternatives.getByRole('listitem')).toHaveCount(3);
  await expect(alternatives.getByRole('listitem').nth(2)).toContainText('offline demo');
  await alternatives.getByRole('button', { name: 'Danke!' }).click();
  await expect(translator.output.locator('p')).toHaveText('Danke!');
});
