import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { uniqueMarker, upstreamRequests } from './support/upstream';

test('a chat message can be translated in place, through the translator API', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('chat-translate');
  await chat.send(`${marker} [[reply Guten Tag, wie geht es?]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');

  await page.getByRole('combobox', { name: 'Translate message to…' }).last().selectOption({ label: 'French' });
  const translation = page.getByRole('region', { name: 'Translation to French' });
  // The fake upstream finds the directive inside the quoted text and answers with it.
  await expect(translation).toContainText('Guten Tag, wie geht es?');
  await expect(translation).toHaveAttribute('data-status', 'done');

  const translateCall = (await upstreamRequests(marker)).find((record) => JSON.stringify(record.body).includes('French'));
  expect(translateCall).toBeDefined();
  // The message went to the model as data inside the translator's delimited block, not as a chat turn.
  expect(JSON.stringify(translateCall?.body)).toMatch(/<source_text>[^]*Guten Tag/);
});
