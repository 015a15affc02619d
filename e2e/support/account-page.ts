import { expect, type Page } from '@playwright/test';

export interface TestAccount {
  name: string;
  email: string;
  password: string;
}

/** An account no other test has: its own name and email. */
export function newAccount(label: string): TestAccount {
  const id = `${label}-${Math.random().toString(36).slice(2, 10)}`;
  return { name: `Tester ${id}`, email: `${id}@example.test`, password: `correct horse ${id}` };
}

/** What a user does on /account, named the way they would say it. Each ends back on /chat, signed in or out. */
export function accountPage(page: Page, base = '') {
  return {
    async signUp(account: TestAccount) {
      await page.goto(`${base}/account`);
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill(account.name);
      await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/chat$/);
      await expect(page.getByTestId('account-link')).toHaveAccessibleName(`Account: ${account.name}`);
    },
    async signIn(account: TestAccount) {
      await page.goto(`${base}/account`);
      await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/chat$/);
      await expect(page.getByTestId('account-link')).toHaveAccessibleName(`Account: ${account.name}`);
    },
  };
}
