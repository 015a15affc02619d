import { expect, test } from '@playwright/test';
import pg from 'pg';
import { fakeUpstreamURL } from './ports';
import { accountPage, newAccount } from './support/account-page';
import { startAppServer, type AppServer } from './support/app-server';
import { chatPage, sidebar } from './support/chat-page';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';
import { uniqueMarker } from './support/upstream';

// Accounts on a real PostgreSQL, on app servers of their own: one is killed mid-answer.
let postgres: PostgresServer;
let app: AppServer;

test.describe.configure({ mode: 'default', timeout: 120_000 });

const appEnv = () => ({
  OPENAI_BASE_URL: `${fakeUpstreamURL}/v1`,
  OPENAI_API_KEY: 'sk-test-accounts',
  OPENAI_MODEL: 'fake-small',
  DATABASE_URL: postgres.url,
  // Both servers sign sessions alike: the second is the first, restarted.
  RILL_AUTH_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
  RILL_RATE_LIMIT_REQUESTS: '0',
  RILL_SIGN_IN_ATTEMPTS_PER_MINUTE: '0',
});

async function query<Row>(sql: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startPostgresServer();
  app = await startAppServer(appEnv());
});
test.afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
});

test('an answer cut off by a server killed mid-stream keeps its partial text: another device signed in sees it', async ({ page, browser }) => {
  const marker = uniqueMarker('killed');
  const account = newAccount('killed');
  await accountPage(page, app.url).signUp(account);
  const chat = chatPage(page);
  await chat.send(`Count slowly ${marker} [[hold 6]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  // The first six tokens are streamed and, within a second, saved; then the server dies.
  const savedAnswer = async () =>
    (await query<{ text: string }>(`select m.text from messages m where m.owner_id like 'user:%' and m.role = 'assistant' and m.conversation_id in (select id from conversations where title like $1)`, [`%${marker}%`]))[0]?.text ?? '';
  await expect.poll(savedAnswer).toMatch(new RegExp(`^Echo: Count slowly ${marker}`));
  const partial = await savedAnswer();
  await app.kill();
  app = await startAppServer(appEnv());

  const other = await browser.newContext();
  const tablet = await other.newPage();
  await accountPage(tablet, app.url).signIn(account);
  await sidebar(tablet).titles.first().click();
  await expect(tablet.getByTestId('message-assistant')).toContainText(partial.trim());
  await other.close();
});

test('deleting the account deletes its rows from the database, and the browser is a guest again', async ({ page }) => {
  const marker = uniqueMarker('deleted');
  const account = newAccount('deleted');
  await accountPage(page, app.url).signUp(account);
  const chat = chatPage(page);
  await chat.send(`Forget me ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  const [user] = await query<{ id: string }>('select id from users where email = $1', [account.email]);
  const owner = `user:${user!.id}`;
  await expect.poll(async () => (await query('select 1 from messages where owner_id = $1', [owner])).length).toBe(2);

  await page.goto(`${app.url}/account`);
  await page.getByRole('button', { name: 'Delete account…' }).click();
  await page.getByLabel('Your password').fill(account.password);
  await page.getByRole('button', { name: 'Delete my account and all my chats' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId('account-link')).toHaveAccessibleName('Sign in');
  await expect(sidebar(page).titles).toHaveCount(0);

  for (const [table, column, value] of [
    ['users', 'id', user!.id],
    ['sessions', 'user_id', user!.id],
    ['accounts', 'user_id', user!.id],
    ['conversations', 'owner_id', owner],
    ['messages', 'owner_id', owner],
  ] as const) {
    expect(await query(`select 1 from ${table} where ${column} = $1`, [value]), `${table} still has rows of the deleted account`).toHaveLength(0);
  }
});
