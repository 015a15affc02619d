import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Every WCAG 2.x A and AA rule axe-core checks, on the page as it stands: one line per violation
 * (rule, impact, what it asks, where). `worst` keeps the serious and critical ones only.
 */
export async function violationsOn(page: Page, { worst = false } = {}) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations
    .filter((violation) => !worst || violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
