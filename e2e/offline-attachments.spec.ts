import { expect, test } from '@playwright/test';
import { attachments, TINY_PNG } from './support/attachment-files';
import { chatPage } from './support/chat-page';

test('the offline model says which file it received and how it begins', async ({ page }) => {
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  await files.input.setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the Tuesday meeting\nAttendees: Ana, Ben\n') });
  await files.waitUntilReady(1);
  await chat.send('What do these minutes say?');
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  await expect(chat.lastAnswer).toContainText('minutes.txt');
  await expect(chat.lastAnswer).toContainText('Minutes of the Tuesday meeting');
  await expect(chat.lastAnswer).toContainText('offline demo model');
});

test('an image for the offline model is not sent in silence: the composer says it cannot read images', async ({ page }) => {
  const chat = chatPage(page);
  const files = attachments(page);
  await chat.open();
  await chat.input.fill('What is in this picture?');
  await files.input.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: TINY_PNG });
  await files.waitUntilReady(1);
  await expect(page.getByText('The offline demo model cannot read images; remove the image or pick another model.')).toBeVisible();
  await expect(files.send).toBeDisabled();
  await files.chips.first().getByRole('button', { name: 'Remove dot.png' }).click();
  await expect(files.send).toBeEnabled();
  await expect(chat.input).toHaveValue('What is in this picture?');
});
