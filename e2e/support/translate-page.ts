import { expect, type Page } from '@playwright/test';

/** What a user does on /translate, named the way they would say it. */
export function translatePage(page: Page) {
  const input = page.getByRole('textbox', { name: 'Text to translate' });
  const output = page.getByRole('region', { name: 'Translation', exact: true });
  const source = page.getByRole('combobox', { name: 'Source language' });
  const target = page.getByRole('combobox', { name: 'Target language' });
  return {
    input,
    output,
    source,
    target,
    async open() {
      await page.goto('/translate');
      await expect(input).toBeEditable();
    },
    /** Picks a language by typing part of its name and pressing Enter, as a keyboard user would. */
    async choose(combobox: typeof source, search: string, expected: string) {
      await combobox.click();
      await combobox.fill(search);
      await combobox.press('Enter');
      await expect(combobox).toHaveValue(expected);
    },
    async waitForDone() {
      await expect(output).toHaveAttribute('data-status', 'done');
    },
  };
}
