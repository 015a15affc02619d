import { expect, test } from '@playwright/test';
import { fakeUpstreamURL } from './ports';
import { startAppServer, type AppServer } from './support/app-server';
import { chatPage } from './support/chat-page';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { uniqueMarker } from './support/upstream';

// The chats kept on a real PostgreSQL (DATABASE_URL) that goes down and comes back.
let postgres: PostgresServer;
let app: AppServer;

test.describe.configure({ mode: 'default', timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  postgres = await startPostgresServer();
  app = await startAppServer({ OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`, OPENAI_API_KEY: 'sk-test-history-outage', OPENAI_MODEL: 'fake-small', DATABASE_URL: postgres.url });
});
test.afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
});

test('with the database down the chat goes on, says its history is not saved yet, loses nothing, and saves it once the database is back', async ({ page }) => {
  const marker = uniqueMarker('outage');
  const chat = chatPage(page);
  const titles = async () => {
    const response = await page.request.get(`${app.url}/api/conversations`);
    return response.ok() ? ((await response.json()) as { conversations: { title: string }[] }).conversations.map((saved) => saved.title) : response.status();
  };
  await page.goto(`${app.url}/chat`);
  await expect(chat.input).toBeEditable();
  await chat.send(`Before ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect.poll(titles).toEqual([`Before ${marker}`]);

  await postgres.halt();
  await page.getByRole('button', { name: 'New chat' }).first().click();
  await chat.send(`During ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText(`Echo: During ${marker}`);
  await expect(page.getByTestId('history-notice')).toHaveText(/could not be reached on the server/);
  await chat.input.fill('a draft typed while the server was down');
  expect(await titles()).toBe(503);

  await postgres.start();
  // Retried with backoff, no reload: the notice goes and the conversation is saved.
  await expect(page.getByTestId('history-notice')).toBeHidden({ timeout: 60_000 });
  await expect.poll(titles, { timeout: 30_000 }).toEqual([`During ${marker}`, `Before ${marker}`]);
  await expect(chat.input).toHaveValue('a draft typed while the server was down');
});
