import { expect, test, type Page } from '@playwright/test';
import { accountPage, newAccount } from './support/account-page';
import { attachments } from './support/attachment-files';
import { violationsOn } from './support/axe';
import { chatPage, sidebar } from './support/chat-page';
import { collaboratePage } from './support/collaborate-page';
import { translatePage } from './support/translate-page';
import { releaseHeld, uniqueMarker } from './support/upstream';

/** Each page filled the way a user leaves it: a translation, a run (the chat's states have a walk of their own below). */
const pages: Record<string, (page: Page) => Promise<void>> = {
  async translate(page) {
    const translator = translatePage(page);
    await translator.open();
    await translator.input.fill('Good morning');
    await translator.waitForDone();
  },
  /** A shared room, with a Markdown answer carried in, a name given and who is here. */
  async 'collaborate room'(page) {
    const collaborate = collaboratePage(page);
    await collaborate.open();
    await collaborate.fillPrompts(['Say hello [[markdown]]']);
    await collaborate.button('Run all').click();
    await expect(collaborate.answer(1)).toHaveAttribute('data-status', 'done');
    await collaborate.share();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Your name' }).press('Enter');
    await expect(page.getByRole('list', { name: 'People in this room' })).toContainText('Ada (you)');
    await expect(collaborate.answer(1).getByRole('heading').first()).toBeVisible();
  },
  async usage(page) {
    await page.goto('/usage');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  },
  async 'account sign-up'(page) {
    await page.goto('/account');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill('not-an-account@example.test');
  },
  async 'signed-in account'(page) {
    const account = newAccount('axe');
    await accountPage(page).signUp(account);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Delete account…' }).click();
    await expect(page.getByLabel('Your password')).toBeVisible();
  },
};

for (const [name, fill] of Object.entries(pages)) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${name} has no axe-core violations in ${scheme} mode, on a desktop and on a 390 px phone`, async ({ page }) => {
      // Two full axe passes over a filled page: slower than one user step.
      test.slow();
      await page.emulateMedia({ colorScheme: scheme });
      await fill(page);
      expect(await violationsOn(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await violationsOn(page)).toEqual([]);
    });
  }
}

// The translator's states beyond a plain result: the alternatives of a sentence open, and an error.
for (const scheme of ['light', 'dark'] as const) {
  test(`the translator with alternatives open and with an error has no serious or critical axe-core violation in ${scheme} mode`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const translator = translatePage(page);
    const marker = uniqueMarker(`axe-translate-${scheme}`);
    const expectNoSeriousViolations = async (state: string) => expect(await violationsOn(page, { worst: true }), `axe-core, ${state}, ${scheme} mode`).toEqual([]);
    await translator.open();
    await translator.input.fill(`${marker} [[replies Good day ${marker}. Fine weather. || 1. Lovely weather.\n2. Nice weather.\n3. Grand weather.]]`);
    await translator.waitForDone();
    await translator.output.getByRole('button', { name: 'Fine weather.' }).click();
    await expect(page.getByRole('dialog', { name: 'Alternatives' }).getByRole('listitem')).toHaveCount(3);
    await expectNoSeriousViolations('alternatives open');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousViolations('alternatives open on a 390 px phone');

    await translator.input.fill(`${marker} [[429 retry=9]]`);
    await expect(translator.output.getByRole('alert')).toContainText('Rate limited');
    await expectNoSeriousViolations('a rate-limited translation');
  });
}

// One page per theme walks through the chat's states (a fresh page for each would cost a server
// round trip and a markdown load apiece), and axe-core looks at each as the user sees it.
for (const scheme of ['light', 'dark'] as const) {
  test(`every chat state has no serious or critical axe-core violation in ${scheme} mode`, async ({ page }) => {
    // Eleven axe passes and four answers: slower than one user step.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const chat = chatPage(page);
    const bar = sidebar(page);
    const marker = uniqueMarker(`axe-${scheme}`);
    const expectNoSeriousViolations = async (state: string) => expect(await violationsOn(page, { worst: true }), `axe-core, ${state}, ${scheme} mode`).toEqual([]);

    await chat.open();
    await expect(page.getByRole('heading', { name: 'What can I help with?' })).toBeVisible();
    await expectNoSeriousViolations('an empty chat');

    // Held halfway through its code block: the caret, a half-written block, Stop instead of Send.
    await chat.send(`${marker} [[markdown]] [[hold 50]]`);
    await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
    await expect(chat.lastAnswer.locator('[data-streamdown="code-block"] pre')).toContainText('export function join');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expectNoSeriousViolations('an answer streaming');

    await releaseHeld(marker);
    await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
    await expect(chat.lastAnswer.locator('pre span[style]').first()).toBeVisible();
    await expect(chat.lastAnswer.getByRole('table')).toBeVisible();
    // The finished answer is held to every rule, not only the serious ones.
    expect(await violationsOn(page), `axe-core, a long markdown answer, ${scheme} mode`).toEqual([]);

    await page.getByRole('button', { name: 'Regenerate answer' }).click();
    await releaseHeld(marker);
    await expect(page.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
    await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
    await expectNoSeriousViolations('an answer with two versions');

    await chat.input.fill('/');
    await expect(page.getByRole('listbox', { name: 'Saved prompts' })).toBeVisible();
    await expectNoSeriousViolations('the / prompt menu open');
    await chat.input.fill('');

    const files = attachments(page);
    await files.input.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes') });
    await expect(files.chips.first().getByRole('button', { name: 'Remove notes.md' })).toBeVisible();
    await expectNoSeriousViolations('a file attached to the draft');
    await files.chips.first().getByRole('button', { name: 'Remove notes.md' }).click();

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Share this conversation' })).toBeVisible();
    await expectNoSeriousViolations('the share dialog open');
    await page.keyboard.press('Escape');

    await chat.send(`${marker} [[500]]`);
    await expect(chat.lastAnswer.getByRole('alert')).toBeVisible();
    await expect(chat.lastAnswer.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expectNoSeriousViolations('a failed answer');

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Conversation settings' });
    await expect(settings).toBeVisible();
    await expectNoSeriousViolations('settings open');
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();

    // The undo offer is light on dark in the light theme and dark on light in the dark one.
    await bar.row(marker).getByRole('button', { name: 'Delete conversation' }).click();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeVisible();
    await expect(page).toHaveURL(/\/chat$/);
    await expectNoSeriousViolations('offering to undo a delete');
    await undo.click();
    // Back on the restored conversation before the drawer opens over it (a drawer opened over one
    // conversation closes when another one opens).
    await expect(chat.assistantMessages).toHaveCount(2);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open conversations' }).click();
    await expect(page.getByRole('dialog', { name: 'Conversations' })).toBeVisible();
    await expect(bar.titles).toHaveCount(1);
    await expectNoSeriousViolations('the conversations drawer open on a 390 px phone');
  });
}

test('the chat page has one h1 (the conversation’s title), and a skip link leads the keyboard to the message box', async ({ page }) => {
  const chat = chatPage(page);
  await chat.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New chat');
  const skip = page.getByRole('link', { name: 'Skip to the message box' });
  for (let presses = 0; presses < 12 && !(await skip.evaluate((link) => link === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(chat.input).toBeFocused();
});
