import { expect as baseExpect, test, type Browser } from '@playwright/test';
import { MAX_PANELS } from '../lib/collaborate/panel';
import { appPort } from './ports';
import { collaboratePage } from './support/collaborate-page';
import { releaseHeld, uniqueMarker, upstreamRequests, wordsOf } from './support/upstream';

// Several browsers and streams share two slow CPUs with other work: allow for it, never sleep for it.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 25_000 });

async function openInNewContext(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const panels = collaboratePage(page);
  await panels.open(url);
  if (url.includes('/collaborate/')) await expect(page.getByTestId('room-status')).toHaveAttribute('data-state', 'live');
  return { context, page, panels };
}

test('two people in a room see each other’s prompts stream live', async ({ browser }) => {
  const alice = await openInNewContext(browser, '/collaborate');
  const marker = uniqueMarker('room');
  const alicePrompt = `${marker} from alice [[hold 4]] [[long 2000]]`;
  await alice.panels.prompt(1).fill(alicePrompt);
  const url = await alice.panels.share();
  expect(new URL(url).pathname).toMatch(/^\/collaborate\/[A-Za-z0-9_-]{22}$/);

  // Alice gives her name; Bob stays a guest. Each sees both, and which one they are.
  await alice.page.getByRole('textbox', { name: 'Your name' }).fill('Alice <b>L</b>');
  await alice.page.getByRole('textbox', { name: 'Your name' }).press('Enter');
  const bob = await openInNewContext(browser, url);
  await expect(bob.panels.prompt(1)).toHaveValue(alicePrompt);
  const people = (page: typeof alice.page) => page.getByRole('list', { name: 'People in this room' }).getByRole('listitem');
  await expect(people(alice.page)).toHaveText(['Alice <b>L</b> (you)', /^Guest \d+$/]);
  await expect(people(bob.page)).toHaveText(['Alice <b>L</b>', /^Guest \d+ \(you\)$/]);

  await alice.panels.button('Run prompt 1').click();
  // Bob sees Alice's answer while it is still being written, and that she ran it.
  await expect(bob.panels.answer(1)).toContainText(`Echo: ${marker} from alice`);
  await expect(bob.panels.answer(1)).toHaveAttribute('data-status', 'streaming');
  await expect(bob.page.getByTestId('panel').first()).toContainText('Run by Alice <b>L</b>');

  // And Alice sees what Bob types and runs.
  const bobPrompt = `${marker} from bob [[hold 4]] [[long 2000]]`;
  await bob.panels.prompt(2).fill(bobPrompt);
  await bob.panels.button('Run prompt 2').click();
  await expect(alice.panels.prompt(2)).toHaveValue(bobPrompt);
  await expect(alice.panels.answer(2)).toContainText(`Echo: ${marker} from bob`);
  await expect(alice.panels.answer(2)).toHaveAttribute('data-status', 'streaming');

  await bob.panels.button('Stop all').click();
  for (const panels of [alice.panels, bob.panels]) {
    for (const n of [1, 2]) await expect(panels.answer(n)).toHaveAttribute('data-status', 'stopped');
  }
  expect(await alice.panels.answer(1).innerText()).toBe(await bob.panels.answer(1).innerText());
  expect(await alice.panels.answer(2).innerText()).toBe(await bob.panels.answer(2).innerText());
  // The server ran each prompt once, however many watched it.
  await expect.poll(async () => (await upstreamRequests(marker)).map((record) => record.aborted)).toEqual([true, true]);
  await alice.context.close();
  await bob.context.close();
});

test('Share carries the answers already on the page into the room, and its link copies', async ({ browser }) => {
  const alice = await openInNewContext(browser, '/collaborate');
  const marker = uniqueMarker('keep');
  await alice.panels.prompt(1).fill(`${marker} [[markdown]]`);
  await alice.panels.prompt(2).fill(`${marker} not run yet`);
  await alice.panels.button('Run prompt 1').click();
  await expect(alice.panels.answer(1)).toHaveAttribute('data-status', 'done');
  const url = await alice.panels.share();
  await expect(alice.panels.answer(1).getByRole('heading', { name: 'Streaming status' })).toBeVisible();

  const bob = await openInNewContext(browser, url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await expect(bob.panels.answer(1)).toHaveAttribute('data-status', 'done');
  await expect(bob.panels.answer(1).getByRole('heading', { name: 'Streaming status' })).toBeVisible();
  await expect(bob.panels.answer(1).locator('pre')).toContainText('export function join');
  await expect(bob.panels.prompt(2)).toHaveValue(`${marker} not run yet`);
  await expect(bob.panels.answer(2)).toHaveCount(0);
  // The answer was carried, not asked again.
  expect(await upstreamRequests(marker)).toHaveLength(1);

  await bob.panels.button('Copy link to this room').click();
  await expect(bob.panels.button('Copy link to this room')).toHaveText('Copied');
  expect(await bob.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await alice.context.close();
  await bob.context.close();
});

test('someone joining mid-stream sees the whole answer: what streamed before, then the rest', async ({ browser }) => {
  const alice = await openInNewContext(browser, '/collaborate');
  const marker = uniqueMarker('late');
  await alice.panels.prompt(1).fill(`${marker} [[hold 6]] [[long 30]]`);
  const url = await alice.panels.share();
  await alice.panels.button('Run prompt 1').click();
  await expect.poll(async () => wordsOf(await alice.panels.answer(1).innerText()).length).toBe(6);

  const carol = await openInNewContext(browser, url);
  // On arrival Carol already has the beginning, while the answer is still being written.
  await expect(carol.panels.answer(1)).toHaveAttribute('data-status', 'streaming');
  await expect.poll(async () => wordsOf(await carol.panels.answer(1).innerText()).length).toBe(6);
  await releaseHeld(marker);

  await expect(carol.panels.answer(1)).toHaveAttribute('data-status', 'done');
  await expect(alice.panels.answer(1)).toHaveAttribute('data-status', 'done');
  // Everything the model wrote, before and after Carol came in, and nothing twice.
  const [record] = await upstreamRequests(marker);
  expect(wordsOf(await carol.panels.answer(1).innerText())).toHaveLength(record!.tokensSent);
  expect(await carol.panels.answer(1).innerText()).toBe(await alice.panels.answer(1).innerText());
  await alice.context.close();
  await carol.context.close();
});

test('Stop all in a room stops the server’s model calls for everyone', async ({ browser }) => {
  const alice = await openInNewContext(browser, '/collaborate');
  const marker = uniqueMarker('roomstop');
  await alice.panels.fillPrompts([1, 2, 3].map((n) => `${marker} ${n} [[hold 3]] [[long 2000]]`));
  const url = await alice.panels.share();
  const bob = await openInNewContext(browser, url);
  await bob.panels.button('Run all').click();
  for (const n of [1, 2, 3]) await expect(alice.panels.answer(n)).toContainText(`${marker} ${n}`);
  await alice.panels.button('Stop all').click();

  for (const n of [1, 2, 3]) await expect(bob.panels.answer(n)).toHaveAttribute('data-status', 'stopped');
  await expect.poll(async () => (await upstreamRequests(marker)).map((record) => record.aborted)).toEqual([true, true, true]);
  await alice.context.close();
  await bob.context.close();
});

test('room limits are explained: too many prompts, a full room, an unknown room', async ({ page }) => {
  const panels = collaboratePage(page);
  await panels.open();
  const url = await panels.share();
  for (let n = 4; n <= MAX_PANELS; n++) {
    await panels.button('Add prompt').click();
    await expect(panels.prompt(n)).toBeVisible();
  }
  await panels.button('Add prompt').click();
  await expect(page.getByRole('alert').filter({ hasText: `At most ${MAX_PANELS} prompts fit side by side` })).toBeVisible();

  // Fill the room (20 people by default) with plain event-stream connections, then try to join.
  const roomPath = new URL(url).pathname.replace('/collaborate/', '/api/rooms/');
  const others = new AbortController();
  const responses = await Promise.all(
    Array.from({ length: 19 }, () => fetch(`http://127.0.0.1:${appPort}${roomPath}/events`, { signal: others.signal })),
  );
  expect(responses.every((response) => response.ok)).toBe(true);
  const latecomer = await page.context().newPage();
  await latecomer.goto(url);
  await expect(latecomer.getByRole('alert').filter({ hasText: 'This room is full: at most 20 people' })).toBeVisible();
  others.abort();
  await latecomer.close();

  const stranger = await page.context().newPage();
  await stranger.goto('/collaborate/AAAAAAAAAAAAAAAAAAAAAA');
  // Only the message and a way on: no toolbar, no room text, no panels.
  const gone = stranger.getByRole('alert').filter({ hasText: 'does not exist or has expired' });
  await expect(gone).toBeVisible();
  await expect(gone.getByRole('link', { name: 'Start a new page' })).toHaveAttribute('href', '/collaborate');
  await expect(stranger.getByRole('button', { name: 'Run all' })).toHaveCount(0);
  await expect(stranger.getByText('A shared room: everyone with the link')).toHaveCount(0);
});
