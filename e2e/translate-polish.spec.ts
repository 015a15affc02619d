import { expect, test } from '@playwright/test';
import { recordLayoutShift, layoutShiftOf } from './support/layout-shift';
import { translatePage } from './support/translate-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

test('a sentence of the translation gets three alternatives, and choosing one replaces it there and in history', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('alt');
  // The first request (the translation) answers the two sentences, the next (alternatives) three lines.
  await translator.input.fill(`${marker} [[replies Good day ${marker}. Fine weather. || 1. Lovely weather.\n2. "Nice weather."\n3. Grand weather.]]`);
  await translator.waitForDone();

  await translator.output.getByRole('button', { name: 'Fine weather.' }).click();
  const alternatives = page.getByRole('dialog', { name: 'Alternatives' });
  await expect(alternatives.getByRole('listitem')).toHaveText(['Lovely weather.', 'Nice weather.', 'Grand weather.']);
  const [, asked] = await upstreamRequests(marker);
  expect(asked?.lastUserText).toContain('<sentence>\nFine weather.\n</sentence>');
  expect(asked?.lastUserText).toContain(`<translation>\nGood day ${marker}. Fine weather.\n</translation>`);

  await alternatives.getByRole('button', { name: 'Nice weather.' }).click();
  await expect(alternatives).toHaveCount(0);
  await expect(translator.output.locator('p')).toHaveText(`Good day ${marker}. Nice weather.`);
  await expect(translator.output.getByRole('button', { name: 'Nice weather.' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Recent translations' }).getByRole('listitem').first()).toContainText(`Good day ${marker}. Nice weather.`);

  // By keyboard: Enter opens the list, Escape closes it and gives focus back to the sentence.
  const sentence = translator.output.getByRole('button', { name: `Good day ${marker}.` });
  await sentence.focus();
  await sentence.press('Enter');
  await expect(alternatives).toBeVisible();
  await expect(alternatives).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(alternatives).toHaveCount(0);
  await expect(sentence).toBeFocused();
});

test('a rate-limited translation shows one message, counting down, without the placeholder, and Retry asks again', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  const marker = uniqueMarker('limited');
  await translator.input.fill(`${marker} [[429 retry=9]]`);
  const alert = translator.output.getByRole('alert');
  await expect(alert).toContainText(/Rate limited — try again in \d s/);
  const secondsShown = async () => Number(/try again in (\d+) s/.exec(await alert.innerText())?.[1]);
  const first = await secondsShown();
  await expect.poll(secondsShown, { timeout: 3_000 }).toBeLessThan(first);
  // Said once: the wait appears in the title only, and the empty-state placeholder is gone.
  expect((await translator.output.innerText()).match(/again in/gi)).toHaveLength(1);
  await expect(translator.output.getByText('Translation', { exact: true })).toHaveCount(0);

  const retry = alert.getByRole('button', { name: 'Retry' });
  // Neutral, not the red of a destructive action.
  expect(await retry.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(255, 255, 255)');
  const asked = (await upstreamRequests(marker)).length;
  await retry.click();
  await expect.poll(async () => (await upstreamRequests(marker)).length).toBeGreaterThan(asked);
});

for (const viewport of [
  { name: 'a 1280 px desktop', width: 1280, height: 800 },
  { name: 'a 390 px phone', width: 390, height: 844 },
]) {
  test(`on ${viewport.name} the page does not shift while it loads and translates, and the text box has focus`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await recordLayoutShift(page);
    const translator = translatePage(page);
    await translator.open();
    await expect(translator.input).toBeFocused();
    // Typed, as a person would: shifts within 0.5 s of a key are theirs and not counted, as in Chrome's CLS.
    await translator.input.pressSequentially(`${uniqueMarker('shift')} [[reply Fine.]]`);
    await translator.waitForDone();
    expect(await layoutShiftOf(page)).toBe(0);
  });
}

test('a text box the user focused before the page was ready keeps its focus elsewhere', async ({ page }) => {
  await page.goto('/translate');
  const target = page.getByRole('combobox', { name: 'Target language' });
  await target.focus();
  await expect(translatePage(page).input).toBeEditable();
  await expect(target).toBeFocused();
});

test('Listen shows only where the browser has a voice for the language, and reads the translation with it', async ({ page }) => {
  // Headless Chromium may have no voices at all: a stand-in with one English voice that loads late.
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    const voices: { lang: string; name: string; default: boolean; localService: boolean; voiceURI: string }[] = [];
    const target = new EventTarget();
    const synthesis = Object.assign(target, {
      getVoices: () => voices,
      speak: (utterance: SpeechSynthesisUtterance) => {
        spoken.push({ text: utterance.text, lang: utterance.lang });
      },
      cancel: () => {},
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis });
    // The real utterance accepts only a real voice.
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: class {
        voice: unknown = null;
        lang = '';
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly text: string) {}
      },
    });
    Object.assign(window, { __spoken: spoken, __addVoice: () => (voices.push({ lang: 'en-GB', name: 'Test', default: true, localService: true, voiceURI: 'test' }), target.dispatchEvent(new Event('voiceschanged'))) });
  });
  const translator = translatePage(page);
  await translator.open();
  await translator.input.fill(`${uniqueMarker('listen')} [[reply <lang>fr</lang> Good day.]]`);
  await translator.waitForDone();
  await expect(page.getByRole('button', { name: /Listen/ })).toHaveCount(0);

  await page.evaluate(() => (window as unknown as { __addVoice: () => void }).__addVoice());
  // English: the translation's language, not the text's (French has no voice here).
  await expect(page.getByRole('button', { name: 'Listen to the text' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Listen to the translation' }).click();
  expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([{ text: 'Good day.', lang: 'en-GB' }]);
  await expect(page.getByRole('button', { name: 'Stop reading the translation' })).toHaveText('Stop');
});
