import { expect as baseExpect, test } from '@playwright/test';
import { arenaPage } from './support/arena-page';
import { violationsOn } from './support/axe';
import { releaseHeld, uniqueMarker, upstreamRequests } from './support/upstream';

// Two streams share two slow CPUs with other work: allow for it, never sleep for it.
test.describe.configure({ timeout: 60_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

// The fake upstream offers these two, so every battle on this server is between them.
const MODELS = ['fake-small', 'fake-large'];

test('a battle streams two answers under hidden names; the vote reveals them and moves the leaderboard; a second vote is refused', async ({ page }) => {
  const arena = arenaPage(page);
  await arena.open();
  const marker = uniqueMarker('arena');
  const battleId = await arena.start(`${marker} which is better? [[hold 3]] [[long 12]]`);

  // Both sides are streaming at once, each from a different model, held upstream mid-answer.
  await expect.poll(async () => (await upstreamRequests(marker)).filter((record) => record.held).length).toBe(2);
  expect(new Set((await upstreamRequests(marker)).map((record) => record.model))).toEqual(new Set(MODELS));
  for (const side of ['A', 'B'] as const) {
    await expect(page.getByRole('heading', { name: `Model ${side}`, exact: true })).toBeVisible();
    await expect(arena.answer(side)).toContainText(`Echo: ${marker}`);
    await expect(arena.answer(side)).toHaveAttribute('data-status', 'streaming');
  }
  // No vote before both answers are in, and nothing on the page names a contestant (the header's
  // badge names the server's default model, not this battle's).
  await expect(arena.button('A is better')).toHaveCount(0);
  const battle = page.getByRole('main');
  for (const model of MODELS) await expect(battle).not.toContainText(model);

  await releaseHeld(marker);
  for (const side of ['A', 'B'] as const) await expect(arena.answer(side)).toHaveAttribute('data-status', 'done');
  await expect(page.getByLabel('Figures for Model A')).toContainText(/First token\s*\d/);
  for (const model of MODELS) await expect(battle).not.toContainText(model);

  await arena.button('A is better').click();
  const verdict = page.getByRole('status').filter({ hasText: 'You voted' });
  await expect(verdict).toContainText('A is better');
  const winner = (await page.getByRole('heading', { name: /^Model A: / }).innerText()).replace('Model A: ', '');
  const loser = (await page.getByRole('heading', { name: /^Model B: / }).innerText()).replace('Model B: ', '');
  expect(new Set([winner, loser])).toEqual(new Set(MODELS));

  // The same battle again, straight to the route with this browser's cookie: one vote per battle.
  const again = await page.request.post(`/api/arena/battles/${battleId}/vote`, { data: { choice: 'b' } });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ error: expect.stringMatching(/already voted on this battle/) });

  const axeInBothThemes = async (where: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await violationsOn(page), `axe-core, ${where}, ${scheme} mode`).toEqual([]);
    }
  };
  await axeInBothThemes('the arena after a vote');

  await verdict.getByRole('link', { name: 'See the leaderboard' }).click();
  await expect(page).toHaveURL(/\/arena\/leaderboard$/);
  await expect(page.getByRole('navigation', { name: 'Collaborate' }).getByRole('link', { name: 'Leaderboard' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Arena leaderboard' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  // This spec is the only one that votes on this server: the winner leads, each with its one vote.
  await expect(table.getByRole('row').nth(1)).toContainText(winner);
  await expect(row(winner).getByRole('cell').nth(3)).toHaveText('1');
  await expect(row(loser).getByRole('cell').nth(3)).toHaveText('1');
  await expect(row(winner).getByRole('cell').nth(4)).toHaveText('1');
  await expect(page.getByRole('figure', { name: 'Ratings' })).toBeVisible();
  await axeInBothThemes('the leaderboard');
});

test('what was typed is kept when a battle cannot start, and the refusal is shown', async ({ page }) => {
  const arena = arenaPage(page);
  await arena.open();
  // Whitespace-only is refused by the browser's own button; a prompt too long for the route is refused by the server.
  const tooLong = `${'x'.repeat(20_001)}`;
  await arena.prompt.fill(tooLong);
  await arena.button('Start battle').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not done' })).toContainText('at most 20,000 characters');
  await expect(arena.prompt).toHaveValue(tooLong);
});
