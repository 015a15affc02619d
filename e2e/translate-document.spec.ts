import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { violationsOn } from './support/axe';
import { onePagePdf, smallDocx } from './support/document-files';
import { translatePage } from './support/translate-page';
import { releaseHeld, uniqueMarker, upstreamRequests } from './support/upstream';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const userTextOf = (record: { body: { messages?: { role: string; content: string }[] } }) => record.body.messages?.find((m) => m.role === 'user')?.content ?? '';

/** /translate switched to Document, German as the target. */
async function openDocuments(page: Page) {
  const translator = translatePage(page);
  await translator.open();
  await translator.choose(translator.target, 'germ', 'German');
  await page.getByRole('group', { name: 'Translate' }).getByText('Document', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Document' })).toBeChecked();
  const progress = page.getByRole('progressbar', { name: 'Paragraphs translated' });
  return {
    input: page.getByLabel('Document to translate'),
    original: page.getByRole('region', { name: 'Original document' }),
    translated: page.getByRole('region', { name: 'Translated document' }),
    progress,
    counted: page.getByRole('status').filter({ hasText: / of \d+ paragraph/ }),
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    async download(format: 'md' | 'txt') {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Download .${format}` }).click();
      const file = await download;
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    },
  };
}

test('a Markdown document is translated paragraph by paragraph, its code untouched, and downloads with the same structure', async ({ page }) => {
  const m = uniqueMarker('doc');
  const code = ['```js', `const id = "code-${m}";`, '```'];
  const lines = (reply: boolean) => [
    reply ? `# Guide ${m} [[reply Anleitung ${m}]]` : `# Anleitung ${m}`,
    '',
    reply ? `Read this first ${m}. [[reply Lies das zuerst ${m}.]]` : `Lies das zuerst ${m}.`,
    '',
    reply ? `## Steps ${m} [[reply Schritte ${m}]]` : `## Schritte ${m}`,
    '',
    reply ? `- pick a file ${m} [[reply eine Datei wählen ${m}]]` : `- eine Datei wählen ${m}`,
    reply ? `1. translate it ${m} [[reply übersetzen ${m}]]` : `1. übersetzen ${m}`,
    '',
    ...code,
    '',
    reply ? `The end ${m}. [[hold 0]] [[reply Das Ende ${m}.]]` : `Das Ende ${m}.`,
    '',
  ];
  const markdown = Buffer.from(lines(true).join('\n'));
  const documents = await openDocuments(page);
  await documents.input.setInputFiles({ name: 'guide.md', mimeType: 'text/markdown', buffer: markdown });
  await expect(documents.counted).toHaveText('0 of 6 paragraphs');
  await expect(documents.original.getByText(`const id = "code-${m}";`)).toBeVisible();

  await documents.button('Translate').click();
  // The last paragraph is held upstream: the five before it are in, and the bar shows it.
  await expect(documents.counted).toHaveText('5 of 6 paragraphs');
  await expect(documents.progress).toHaveAttribute('value', '5');
  await expect(documents.progress).toHaveAttribute('max', '6');
  await expect(documents.translated).toContainText(`Schritte ${m}`);
  await releaseHeld(m);
  await expect(documents.counted).toHaveText('6 of 6 paragraphs');
  await expect(documents.progress).toHaveAttribute('value', '6');
  await expect(page.getByTestId('document-rate')).toHaveText(/tok\/s$/);
  await expect(documents.translated).toContainText(`Das Ende ${m}.`);
  await expect(documents.translated.getByText(`const id = "code-${m}";`)).toBeVisible();

  // One upstream call per paragraph, each holding that paragraph's words alone; the code went nowhere.
  const calls = await upstreamRequests(m);
  expect(calls).toHaveLength(6);
  expect(calls.map(userTextOf).filter((text) => text.includes(`<source_text>\nGuide ${m} [[reply`))).toHaveLength(1);
  for (const call of calls) expect(userTextOf(call)).not.toContain('const id');
  expect(calls.map(userTextOf).some((text) => text.includes('# Guide'))).toBe(false);

  const md = await documents.download('md');
  expect(md.name).toBe('guide.de.md');
  expect(md.text).toBe(lines(false).join('\n'));
  expect(md.text).toContain(code.join('\n'));
  const txt = await documents.download('txt');
  expect(txt.name).toBe('guide.de.txt');
  expect(txt.text).toContain(`Anleitung ${m}\n\nLies das zuerst ${m}.\n\nSchritte ${m}\n\n- eine Datei wählen ${m}\n1. übersetzen ${m}\n\nconst id = "code-${m}";\n\nDas Ende ${m}.`);

  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['dark', 390], ['light', 390]] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`document-${scheme}-${width}.png`), fullPage: true });
    expect(await violationsOn(page), `axe-core, ${scheme} at ${width} px`).toEqual([]);
  }

  // The same document again: every paragraph comes from the cache, nothing new reaches the model.
  await documents.input.setInputFiles({ name: 'guide.md', mimeType: 'text/markdown', buffer: markdown });
  await expect(documents.counted).toHaveText('0 of 6 paragraphs');
  await documents.button('Translate').click();
  await expect(documents.counted).toHaveText('6 of 6 paragraphs');
  await expect(documents.translated).toContainText(`Das Ende ${m}.`);
  expect(await upstreamRequests(m)).toHaveLength(6);
});

test('a .docx and a PDF made here are translated, a .docx heading as a paragraph of its own', async ({ page }) => {
  const m = uniqueMarker('docx');
  const documents = await openDocuments(page);
  await documents.input.setInputFiles({ name: 'letter.docx', mimeType: DOCX, buffer: smallDocx([{ heading: 1, text: `Letter ${m}` }, `Dear reader ${m}`]) });
  await expect(documents.counted).toHaveText('0 of 2 paragraphs');
  await documents.button('Translate').click();
  await expect(documents.counted).toHaveText('2 of 2 paragraphs');
  await expect(documents.translated).toContainText(`Echo:`);
  await expect(documents.translated).toContainText(`Dear reader ${m}`);
  const calls = (await upstreamRequests(m)).map(userTextOf);
  expect(calls.filter((text) => text.includes(`<source_text>\nLetter ${m}\n</source_text>`))).toHaveLength(1);
  expect((await documents.download('md')).name).toBe('letter.de.md');

  const p = uniqueMarker('pdf');
  await documents.input.setInputFiles({ name: 'paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from(onePagePdf(`Hello from a PDF ${p}`)) });
  await expect(documents.original).toContainText(`Hello from a PDF ${p}`);
  await documents.button('Translate').click();
  await expect(documents.counted).toHaveText('1 of 1 paragraph');
  await expect(documents.translated).toContainText(`Hello from a PDF ${p}`);
  expect((await upstreamRequests(p)).map(userTextOf)).toEqual([expect.stringContaining(`<source_text>\nHello from a PDF ${p}\n</source_text>`)]);
});

test('Stop keeps what is done and Resume goes on; a file too large or of another type is refused with a message, the open document kept', async ({ page }) => {
  const m = uniqueMarker('stop');
  const documents = await openDocuments(page);
  await documents.input.setInputFiles({ name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from(`First ${m}\n\nSecond ${m} [[hold 0]]`) });
  await documents.button('Translate').click();
  await expect(documents.counted).toHaveText('1 of 2 paragraphs');
  await documents.button('Stop').click();
  await expect.poll(async () => (await upstreamRequests(`Second ${m}`))[0]?.aborted).toBe(true);
  await expect(documents.button('Resume')).toBeVisible();

  await documents.input.setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') });
  const problem = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(problem).toHaveText('big.md is 2 MB: documents may be at most 2 MB.');
  await documents.input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('x') });
  await expect(problem).toContainText('photo.png cannot be translated as a document');
  await expect(documents.counted).toHaveText('1 of 2 paragraphs');

  await documents.button('Resume').click();
  await expect.poll(async () => (await upstreamRequests(`Second ${m}`)).length).toBe(2);
  await releaseHeld(m);
  await expect(documents.counted).toHaveText('2 of 2 paragraphs');
  expect(await upstreamRequests(`First ${m}`)).toHaveLength(1);

  await documents.button('Close document').click();
  await expect(documents.original).toHaveCount(0);
  await expect(page.getByText('Choose a document', { exact: true })).toBeVisible();
});

test('keyboard only: an arrow key switches to Document, Tab reaches the labelled file input, and Text comes back as it was', async ({ page }) => {
  const translator = translatePage(page);
  await translator.open();
  await translator.input.fill('Kept while away');
  await page.getByRole('radio', { name: 'Text' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Document' })).toBeChecked();
  await expect(translator.input).toHaveCount(0);
  const input = page.getByLabel('Document to translate');
  for (let presses = 0; presses < 6 && !(await input.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.getByRole('radio', { name: 'Document' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(translator.input).toHaveValue('Kept while away');
});
