import { expect, test, type Page } from '@playwright/test';
import { accountPage, newAccount } from './support/account-page';
import { chatPage, sidebar } from './support/chat-page';
import { uniqueMarker } from './support/upstream';

/** Another device coming back to its tab: the sync asks the server what changed, as it does every few seconds. */
const lookAgain = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

test('a guest who signs up keeps their chats, and a second device signed in sees them and an answer streamed on the first', async ({ page, browser }) => {
  const marker = uniqueMarker('account');
  const account = newAccount('keeps');
  const chat = chatPage(page);
  await chat.open();
  await chat.send(`As a guest ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  await accountPage(page).signUp(account);
  await expect(sidebar(page).titles).toHaveText([`As a guest ${marker}`]);
  // Everything, from the server, in the file "Import" reads.
  const exported = await page.request.get('/api/account/export');
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="rill-conversations-\d{4}-\d{2}-\d{2}\.json"$/);
  expect(await exported.json()).toMatchObject({ format: 'rill-conversations', conversations: [{ title: `As a guest ${marker}` }] });

  const other = await browser.newContext();
  const phone = await other.newPage();
  await accountPage(phone).signIn(account);
  await expect(sidebar(phone).titles).toHaveText([`As a guest ${marker}`]);
  await sidebar(phone).titles.first().click();
  await expect(phone.getByTestId('message-assistant')).toContainText(`Echo: As a guest ${marker}`);

  await sidebar(page).titles.first().click();
  // The chat opens before anything is typed in it: sent sooner, the message starts a new chat.
  await expect(page.getByTestId('message-assistant')).toContainText(`Echo: As a guest ${marker}`);
  await chat.send(`Signed in ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(async () => {
    await lookAgain(phone);
    await expect(phone.getByTestId('message-assistant').last()).toContainText(`Echo: Signed in ${marker}`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await other.close();
});

test('signing up refuses a short password and an email already taken, saying why, and keeps what was typed', async ({ page }) => {
  const account = newAccount('refused');
  await accountPage(page).signUp(account);
  await page.context().clearCookies();

  await page.goto('/account');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Someone else');
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Password').fill('another good password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('account-error')).toHaveText(/already exists/i);
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(account.email);

  const response = await page.request.post('/api/auth/sign-up/email', { data: { name: 'x', email: 'short@example.test', password: 'short' }, headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ message: expect.stringMatching(/password/i) });

  // Another site's page cannot sign its visitor in (or up) here: better-auth's origin check (CSRF).
  const forged = await page.request.post('/api/auth/sign-in/email', {
    data: { email: account.email, password: account.password },
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  });
  expect(forged.status()).toBe(403);
});

test('a forged session cookie is a clean 401 and a signed-out page, never a 500', async ({ page, context, baseURL }) => {
  // Each 401 makes the browser forget the cookie, so it is planted again before each request.
  const forge = () => context.addCookies([{ name: 'rill.session_token', value: 'forged.c2lnbmF0dXJl', url: baseURL! }]);
  await forge();
  const listed = await page.request.get('/api/conversations');
  expect(listed.status()).toBe(401);
  expect(await listed.json()).toMatchObject({ code: 'signed_out', error: expect.stringMatching(/signed out/i) });
  expect(listed.headers()['set-cookie']).toMatch(/rill\.session_token=; Path=\/; Max-Age=0/);
  await forge();
  const asked = await page.request.post('/api/chat', { data: { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] } });
  expect(asked.status()).toBe(401);

  const chat = chatPage(page);
  await forge();
  const response = await page.goto('/chat');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('account-link')).toHaveAccessibleName('Sign in');
  await expect(page.getByTestId('history-notice')).toHaveText(/signed out/i);
  await expect(chat.input).toBeEditable();
});

test('"Sign out everywhere" ends the other device’s session: it shows it is signed out, and its chats leave that browser', async ({ page, browser }) => {
  const marker = uniqueMarker('everywhere');
  const account = newAccount('everywhere');
  await accountPage(page).signUp(account);
  const chat = chatPage(page);
  await chat.send(`Mine ${marker}`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  const other = await browser.newContext();
  const laptop = await other.newPage();
  await accountPage(laptop).signIn(account);
  await expect(sidebar(laptop).titles).toHaveText([`Mine ${marker}`]);

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByTestId('account-link')).toHaveAccessibleName('Sign in');
  await expect(sidebar(page).titles).toHaveCount(0);

  await expect(async () => {
    await lookAgain(laptop);
    await expect(laptop.getByTestId('account-link')).toHaveAccessibleName('Sign in', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(laptop.getByTestId('history-notice')).toHaveText(/signed out/i);
  await expect(sidebar(laptop).titles).toHaveCount(0);
  await other.close();
});
