import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accountPage, newAccount } from './support/account-page';
import { chatPage } from './support/chat-page';
import { collaboratePage } from './support/collaborate-page';
import { translatePage } from './support/translate-page';

/** Every WCAG 2.x A and AA rule axe-core checks, on the page as it stands. */
async function violationsOn(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Each page filled the way a user leaves it: a chat with a finished markdown answer, a translation, a run. */
const pages: Record<string, (page: Page) => Promise<void>> = {
  async chat(page) {
    const chat = chatPage(page);
    await chat.open();
    await chat.send('[[markdown]]');
    await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
    await expect(chat.lastAnswer.locator('pre span[style]').first()).toBeVisible();
  },
  async translate(page) {
    const translator = translatePage(page);
    await translator.open();
    await translator.input.fill('Good morning');
    await translator.waitForDone();
  },
  async collaborate(page) {
    const collaborate = collaboratePage(page);
    await collaborate.open();
    await collaborate.fillPrompts(['Say hello']);
    await collaborate.button('Run all').click();
    await expect(collaborate.answer(1)).toHaveAttribute('data-status', 'done');
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
