import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chatPage, sidebar } from './support/chat-page';
import { uniqueMarker } from './support/upstream';

interface SavedConversation {
  id: string;
  title: string;
  messages: { role: string; text: string; status?: string }[];
}

/** What the server keeps for this browser's guest (the request shares the page's cookies). */
async function savedOnServer(request: APIRequestContext): Promise<SavedConversation[]> {
  const response = await request.get('/api/conversations');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { conversations: SavedConversation[] }).conversations;
}

async function converse(page: Page, text: string) {
  const chat = chatPage(page);
  await chat.send(text);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
}

test('a guest’s conversation is kept on the server: it comes back after the browser’s storage is cleared', async ({ page }) => {
  const marker = uniqueMarker('history');
  await chatPage(page).open();
  await converse(page, `Remember ${marker}`);
  const url = page.url();
  await expect.poll(async () => (await savedOnServer(page.request)).find((saved) => saved.title === `Remember ${marker}`)?.messages.map((message) => message.status ?? 'sent')).toEqual(['sent', 'done']);

  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await expect(page.getByTestId('message-user')).toHaveText([`Remember ${marker}`]);
  await expect(page.getByTestId('message-assistant')).toContainText(`Echo: Remember ${marker}`);
  await expect(sidebar(page).titles).toHaveText([`Remember ${marker}`]);
  await expect(page.getByTestId('history-notice')).toBeHidden();
});

test('another visitor sees none of it, and a deleted conversation is gone from the server too', async ({ page, browser }) => {
  const marker = uniqueMarker('mine');
  await chatPage(page).open();
  await converse(page, `Private ${marker}`);
  await expect.poll(async () => (await savedOnServer(page.request)).map((saved) => saved.title)).toContain(`Private ${marker}`);

  const stranger = await browser.newContext();
  expect(await savedOnServer(stranger.request)).toEqual([]);
  await stranger.close();

  await sidebar(page).row(`Private ${marker}`).getByRole('button', { name: 'Delete conversation' }).click();
  await expect.poll(async () => (await savedOnServer(page.request)).map((saved) => saved.title)).not.toContain(`Private ${marker}`);
});

test('the history API refuses bad input with a JSON 4xx, and a forged guest cookie is just a new guest', async ({ page, request }) => {
  await chatPage(page).open();
  const conversation = { id: 'c1', title: 't', createdAt: 1, updatedAt: 2, settings: {}, messages: [{ id: 'm1', role: 'user', text: 'hi', createdAt: 1 }] };
  const put = (id: string, body: unknown, headers: Record<string, string> = {}) => page.request.put(`/api/conversations/${id}`, { data: body, headers });
  expect((await put('other-id', conversation)).status()).toBe(400);
  expect((await put('c1', { ...conversation, messages: [{ role: 'robot' }] })).status()).toBe(400);
  const foreign = await put('c1', conversation, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: expect.stringMatching(/other sites/) });
  expect((await put('c1', 'x'.repeat(100), { 'content-type': 'text/plain' })).status()).toBe(415);

  // A request context of its own: no cookie but the forged one.
  const forged = await request.get('/api/conversations', { headers: { cookie: 'rill_guest=AAAAAAAAAAAAAAAAAAAAAA.not-a-signature' } });
  expect(forged.status()).toBe(200);
  expect(await forged.json()).toEqual({ conversations: [], ids: [], owner: { kind: 'guest' } });
  expect(forged.headers()['set-cookie']).toMatch(/^rill_guest=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax/);
});
