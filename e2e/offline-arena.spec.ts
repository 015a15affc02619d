import { expect, test } from '@playwright/test';
import { arenaPage } from './support/arena-page';

test('with the offline model alone, the arena says it compares two temperatures, and the vote names them', async ({ page }) => {
  const arena = arenaPage(page);
  await arena.open();
  await expect(page.getByRole('note')).toContainText('The arena needs two models; this server offers one, so it compares two temperatures');
  await arena.start('Hello there, how are you?');
  for (const side of ['A', 'B'] as const) await expect(arena.answer(side)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await arena.button('Tie').click();
  await expect(page.getByRole('status').filter({ hasText: 'You voted' })).toContainText(/Model A was rill-offline-demo @ temperature (0\.2|1\.2), Model B was rill-offline-demo @ temperature (0\.2|1\.2)/);
});
