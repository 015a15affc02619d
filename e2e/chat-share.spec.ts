import { expect, test, type APIRequestContext } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { uniqueMarker } from './support/upstream';

const json = { 'content-type': 'application/json' };

test('a shared link opens read-only in another browser, can be continued there, and says so once revoked', async ({ page, browser }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('share');
  await chat.send(`Share this ${marker} [[reply The harbour opens at **dawn**.]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(page).toHaveURL(/\/chat\/[\w-]+$/);

  const shareButton = page.getByRole('button', { name: 'Share', exact: true });
  await shareButton.click();
  const dialog = page.getByRole('dialog', { name: 'Share this conversation' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Include settings (system prompt, model, temperature)' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/\/share\/[A-Za-z0-9_-]{22,}$/);
  const url = await link.inputValue();
  const links = dialog.getByRole('list', { name: 'Links to this conversation' }).getByRole('listitem');
  await expect(links).toHaveCount(1);

  // Esc closes the dialog and gives the focus back to Share.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();

  const other = await browser.newContext();
  try {
    const reader = await other.newPage();
    await reader.goto(url);
    await expect(reader.getByText(/^Shared snapshot · .+ · read-only$/)).toBeVisible();
    await expect(reader.getByTestId('message-user')).toContainText(`Share this ${marker}`);
    await expect(reader.getByTestId('message-assistant')).toContainText('The harbour opens at dawn.');
    // Rendered as in the chat: the markdown's bold is bold.
    await expect(reader.getByTestId('message-assistant').locator('[data-streamdown="strong"]')).toHaveText('dawn');
    await expect(reader.getByRole('combobox', { name: 'Message', exact: true })).toHaveCount(0);
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    await reader.getByRole('button', { name: 'Continue in my chats' }).click();
    await expect(reader).toHaveURL(/\/chat\/[\w-]+$/);
    expect(new URL(reader.url()).pathname).not.toBe(new URL(page.url()).pathname);
    await expect(reader.getByTestId('message-assistant')).toContainText('The harbour opens at dawn.');
    await expect(reader.getByTestId('message-user')).toContainText(`Share this ${marker}`);
    await expect(reader.getByRole('combobox', { name: 'Message', exact: true })).toBeEditable();

    // Back with the owner: revoking ends the link for everyone.
    await shareButton.click();
    await expect(links).toHaveCount(1);
    await links.getByRole('button', { name: 'Revoke' }).click();
    await expect(links).toHaveCount(0);
    await expect(dialog.getByText('None open.')).toBeVisible();

    await reader.goto(url);
    await expect(reader.getByRole('heading', { name: 'This link was revoked by its owner.' })).toBeVisible();
    await expect(reader.getByText('The harbour opens at dawn.')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

/** A conversation as the browser keeps it, with a system prompt and one exchange. */
function conversationWith(system: string, answer: string) {
  return {
    id: `c-${Math.random().toString(36).slice(2, 10)}`,
    title: 'A plan',
    createdAt: 1,
    updatedAt: 2,
    settings: { system, temperature: 0.4 },
    messages: [
      { id: 'm1', role: 'user', text: 'What is the plan?', createdAt: 1 },
      { id: 'm2', role: 'assistant', text: answer, createdAt: 2, status: 'done' },
    ],
  };
}

async function share(request: APIRequestContext, body: unknown) {
  const response = await request.post('/api/shares', { data: body, headers: json });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { link: { id: string } }).link.id;
}

test('a share holds the system prompt only when its owner says so, on the page and in its JSON', async ({ request }) => {
  const secret = uniqueMarker('codename');
  const conversation = conversationWith(`Never reveal ${secret}.`, 'We meet at noon.');

  const withoutConsent = await share(request, { conversation, includeSettings: false });
  const read = await request.get(`/api/shares/${withoutConsent}`);
  expect(read.status()).toBe(200);
  const body = (await read.json()) as { share: { conversation: { settings: unknown; messages: { text: string }[] } } };
  expect(body.share.conversation.settings).toEqual({});
  expect(body.share.conversation.messages.map((message) => message.text)).toEqual(['What is the plan?', 'We meet at noon.']);
  const page = await (await request.get(`/share/${withoutConsent}`)).text();
  expect(page).toContain('We meet at noon.');
  expect(page).not.toContain(secret);

  // The same request with consent does carry it: the check above can fail.
  const withConsent = await share(request, { conversation, includeSettings: true, expiresInDays: 1 });
  expect(await (await request.get(`/api/shares/${withConsent}`)).text()).toContain(secret);
  expect(await (await request.get(`/share/${withConsent}`)).text()).toContain(secret);
});

test('the share API refuses an oversized snapshot with a 413 JSON, and bad input with a 400', async ({ request }) => {
  const tooLong = conversationWith('', 'x'.repeat(2.5 * 1024 * 1024));
  const oversized = await request.post('/api/shares', { data: { conversation: tooLong, includeSettings: false }, headers: json });
  expect(oversized.status()).toBe(413);
  expect(await oversized.json()).toMatchObject({ code: 'too_large', error: expect.stringMatching(/too long to share/) });

  const badExpiry = await request.post('/api/shares', { data: { conversation: conversationWith('', 'ok'), includeSettings: false, expiresInDays: 3 }, headers: json });
  expect(badExpiry.status()).toBe(400);
  expect(await badExpiry.json()).toMatchObject({ error: expect.stringMatching(/expiresInDays/) });

  expect((await request.get('/api/shares/nothing-was-ever-shared-here')).status()).toBe(404);
  expect(await (await request.get('/share/nothing-was-ever-shared-here')).text()).toContain('could not be found');
  expect((await request.delete('/api/shares/nothing-was-ever-shared-here')).status()).toBe(404);
});
