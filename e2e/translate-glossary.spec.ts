import { expect, test, type Page } from '@playwright/test';
import { violationsOn } from './support/axe';
import { translatePage } from './support/translate-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

type WireMessage = { role: string; content: string };
const messagesOf = (record: { body: { messages?: WireMessage[] } } | undefined) => record?.body.messages ?? [];

/** DeepL's glossary CSV: `source,target` per line, a quoted field holding a comma, and one line that is not a term. */
const csv = 'invoice,Rechnung\r\ncontract,Vertrag\r\n"delivery, express",Expresslieferung\r\nnot a term\r\n';

/** Imports the CSV through the manager, as a user would, and closes it. */
async function importGlossary(page: Page, name: string) {
  await page.getByRole('button', { name: 'Glossaries…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Glossaries' });
  await dialog.getByLabel('Import glossary file').setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByRole('status')).toHaveText(`Imported “${name}” (English → German). Read 3 terms; 1 line skipped (line 4: 1 columns, not 2 (or 4 with the languages)).`);
  await expect(dialog.getByRole('listitem')).toContainText(`${name}English → German · 3 terms`);
  return dialog;
}

test('a glossary term is honoured in the request the fake upstream receives, and a violated one is marked', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.source, 'engl', 'English');
  await translator.choose(translator.target, 'germ', 'German');
  const dialog = await importGlossary(page, 'legal');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const picker = page.getByRole('combobox', { name: 'Glossary' });
  await picker.selectOption({ label: 'legal' });
  // The marker must not hold the word "glossary": the block's tag would step past it (glossary_2), as it should.
  const marker = uniqueMarker('terms');
  // The fake model answers with the reply given: it uses "Rechnung" but not "Vertrag".
  await translator.input.fill(`${marker} Please pay the invoice under the contract. [[reply Bitte zahlen Sie die Rechnung gemäß der Vereinbarung ${marker}.]]`);
  await translator.waitForDone();

  const [record] = await upstreamRequests(marker);
  const user = messagesOf(record).find((message) => message.role === 'user')?.content ?? '';
  const system = messagesOf(record).find((message) => message.role === 'system')?.content ?? '';
  // Both terms the text uses, in their own block after the text; the one it does not use is not sent.
  expect(user).toMatch(/<\/source_text>\n<glossary>\n"invoice" → "Rechnung"\n"contract" → "Vertrag"\n<\/glossary>$/);
  expect(user).not.toContain('Expresslieferung');
  expect(system).toContain('The <glossary> block after the text is a glossary');

  const check = page.getByRole('status', { name: 'Glossary check' });
  await expect(check).toHaveText('Glossary: “Vertrag” for “contract” is not in the translation');
  await expect(check.locator('mark')).toHaveText('Vertrag');

  // Kept on the server for this guest, and in this browser: after a reload the same glossary is chosen.
  await expect.poll(async () => ((await (await page.request.get('/api/glossaries')).json()) as { glossaries: { name: string }[] }).glossaries.map((g) => g.name)).toEqual(['legal']);
  await page.reload();
  await expect(picker.locator('option:checked')).toHaveText('legal');
});

test('the glossary picker offers only glossaries of the language pair, and the manager edits terms by keyboard', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.source, 'engl', 'English');
  await translator.choose(translator.target, 'germ', 'German');
  const dialog = await importGlossary(page, 'pair');
  await dialog.getByRole('button', { name: 'Edit pair' }).press('Enter');
  await dialog.getByRole('button', { name: 'Add term' }).press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Source term 4' })).toBeFocused();
  await page.keyboard.type('order');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bestellung');
  await dialog.getByRole('button', { name: 'Remove term 1' }).press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Source term 1' })).toHaveValue('contract');
  await expect(dialog.getByRole('textbox', { name: 'Target term 3' })).toHaveValue('Bestellung');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const picker = page.getByRole('combobox', { name: 'Glossary' });
  await expect(picker.getByRole('option')).toHaveText(['None', 'pair']);
  await translator.choose(translator.target, 'fren', 'French');
  await expect(picker.getByRole('option')).toHaveText(['None']);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the glossary manager and check have no axe-core violations in ${scheme} mode, on a desktop and a 390 px phone`, async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    const translator = translatePage(page);
    await translator.open();
    await translator.choose(translator.source, 'engl', 'English');
    await translator.choose(translator.target, 'germ', 'German');
    const dialog = await importGlossary(page, 'axe');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('combobox', { name: 'Glossary' }).selectOption({ label: 'axe' });
    await translator.input.fill(`${uniqueMarker('axe')} the invoice and the contract [[reply Die Rechnung]]`);
    await translator.waitForDone();
    await expect(page.getByRole('status', { name: 'Glossary check' })).toContainText('Vertrag');

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await violationsOn(page), `axe-core, the glossary check, ${scheme}, ${width} px`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`check-${scheme}-${width}.png`) });
      await page.getByRole('button', { name: 'Glossaries…' }).click();
      await dialog.getByRole('button', { name: 'Edit axe' }).click();
      expect(await violationsOn(page), `axe-core, the glossary editor, ${scheme}, ${width} px`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`editor-${scheme}-${width}.png`) });
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
  });
}
