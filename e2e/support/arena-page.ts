import { expect, type Page } from '@playwright/test';

/** What a user does on /arena, named the way they would say it. */
export function arenaPage(page: Page) {
  const answer = (side: 'A' | 'B') => page.getByRole('region', { name: `Answer of Model ${side}`, exact: true });
  return {
    answer,
    prompt: page.getByRole('textbox', { name: 'Prompt', exact: true }),
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    async open() {
      await page.goto('/arena');
      await expect(page.getByRole('heading', { name: 'Arena', level: 1 })).toBeVisible();
    },
    /** Types the prompt and presses Enter; resolves to the battle's id, from the route's answer. */
    async start(prompt: string): Promise<string> {
      await this.prompt.fill(prompt);
      const created = page.waitForResponse((response) => response.url().endsWith('/api/arena/battles') && response.request().method() === 'POST');
      await this.prompt.press('Enter');
      const response = await created;
      expect(response.status()).toBe(201);
      return ((await response.json()) as { battleId: string }).battleId;
    },
  };
}
