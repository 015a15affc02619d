import { expect, type Page } from '@playwright/test';

/** What a user does on /chat, named the way they would say it. */
export function chatPage(page: Page) {
  const input = page.getByRole('combobox', { name: 'Message', exact: true });
  const assistantMessages = page.getByTestId('message-assistant');
  return {
    input,
    assistantMessages,
    lastAnswer: assistantMessages.last(),
    async open() {
      await page.goto('/chat');
      await expect(input).toBeEditable();
    },
    async send(text: string) {
      await input.fill(text);
      await input.press('Enter');
    },
    async waitForAnswerDone() {
      await expect(assistantMessages.last()).toHaveAttribute('data-status', /done|stopped|error/);
    },
  };
}

/** The conversation list beside the chat (on phones a drawer, a modal dialog while open). */
export function sidebar(page: Page) {
  const list = page.getByRole('navigation', { name: 'Conversation list' });
  const conversations = page.getByRole('complementary', { name: 'Conversations' }).or(page.getByRole('dialog', { name: 'Conversations' }));
  return {
    list,
    conversations,
    /** Conversation titles, as listed. */
    titles: list.getByRole('link'),
    row: (title: string) => list.getByRole('listitem').filter({ hasText: title }),
    newChat: conversations.getByRole('button', { name: 'New chat' }),
    search: page.getByRole('searchbox', { name: 'Search conversations' }),
  };
}
