import { expect, type Page } from '@playwright/test';

/** What a user does on /collaborate, named the way they would say it. */
export function collaboratePage(page: Page) {
  const prompt = (n: number) => page.getByRole('textbox', { name: `Prompt ${n}`, exact: true });
  const answer = (n: number) => page.getByRole('region', { name: `Answer ${n}`, exact: true });
  return {
    prompt,
    answer,
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    async open(path = '/collaborate') {
      await page.goto(path);
      // A room's prompts arrive with its first event, after the page itself.
      await expect(prompt(1)).toBeEditable({ timeout: 30_000 });
    },
    async fillPrompts(texts: string[]) {
      for (const [index, text] of texts.entries()) await prompt(index + 1).fill(text);
    },
    async share(): Promise<string> {
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForURL(/\/collaborate\/[A-Za-z0-9_-]{22,}$/);
      await expect(page.getByTestId('room-status')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
      return page.url();
    },
  };
}
