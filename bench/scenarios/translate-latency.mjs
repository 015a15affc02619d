// Scenario: how soon a translation starts to show after the last keystroke, as a person feels it.
//
// In Chromium, on /translate, the last key of a text is pressed and the page notes when; the
// first translated character painted into the Translation region is noted too. The fake upstream
// waits a known time before its first token ([[slow N]]), and its own log says when that token
// left. What Rill adds is the total less the fake's time to first token: the typing pause
// (debounce), the request through the route's pipeline, and getting the token onto the screen.

import { figure } from '../lib/figures.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { nonce } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { median, round } from '../lib/stats.mjs';
import { importTypeScript } from '../lib/typescript-module.mjs';

const FAKE_TTFT_MS = 200;

export const translateLatency = {
  id: 'translate',
  title: 'Translate as you type',
  async run({ sizes }) {
    const { rounds } = sizes.translate;
    const { TYPING_PAUSE_MS } = await importTypeScript('lib/translate/limits.ts');
    return withServers({ paceMs: sizes.paceMs }, async ({ upstream, app }) => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${app.origin}/translate`, { waitUntil: 'networkidle' });
        const input = page.getByRole('textbox', { name: 'Text to translate' });
        await input.click();
        // The first translation pays for warming the route and the page's code; it is not counted.
        await measureOnce(page, input, upstream);
        const runs = [];
        for (let i = 0; i < rounds; i++) runs.push(await measureOnce(page, input, upstream));
        await context.close();
        const added = median(runs.map((run) => run.totalMs - run.fakeTtftMs));
        const total = median(runs.map((run) => run.totalMs));
        const fakeTtft = median(runs.map((run) => run.fakeTtftMs));
        return {
          figures: [
            figure({
              name: 'keystroke → first translated character, added',
              value: added,
              unit: 'ms',
              digits: 0,
              reference: `median of ${rounds}: ${round(total, 0)} ms in all, less the fake's own ${round(fakeTtft, 0)} ms to first token; debounce ${TYPING_PAUSE_MS} ms`,
              target: { op: '<=', limit: 400 },
            }),
            figure({ name: 'keystroke → first translated character vs fake TTFT', value: total / fakeTtft, unit: '×', digits: 2, reference: `${round(total, 0)} ms vs ${round(fakeTtft, 0)} ms` }),
            figure({ name: 'added beyond the debounce', value: added - TYPING_PAUSE_MS, unit: 'ms', digits: 0, reference: 'request, pipeline and first paint' }),
          ],
          details: { fakeTtftMs: FAKE_TTFT_MS, typingPauseMs: TYPING_PAUSE_MS, runs },
        };
      } finally {
        await browser.close();
      }
    });
  },
};

/**
 * The time from the last key of a text to its translation's first character on screen. The text
 * arrives whole but for its last key, and its own translation (an echo) finishes first, so the
 * measured key starts from a quiet page, as after a pause in typing. That key, ']', closes the
 * [[reply]] directive: only its translation starts with the tag, so the one awaited can't be mistaken.
 */
async function measureOnce(page, input, upstream) {
  const tag = nonce('translate');
  await input.fill(`${tag} [[slow ${FAKE_TTFT_MS}]] [[reply ${tag} arrives]`);
  await page.locator('[role="region"][aria-label="Translation"][data-status="done"]').waitFor();
  await input.press('End');
  const watching = page.evaluate((tag) => {
    const region = document.querySelector('[role="region"][aria-label="Translation"]');
    return new Promise((resolve) => {
      let keyAt;
      document.addEventListener('keydown', () => (keyAt = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (keyAt === undefined || !region.textContent.trimStart().startsWith(tag)) return;
        observer.disconnect();
        // The next frame is when the character is painted, not only in the DOM.
        requestAnimationFrame(() => resolve(performance.now() - keyAt));
      });
      observer.observe(region, { childList: true, subtree: true, characterData: true });
    });
  }, tag);
  await input.press(']');
  const totalMs = await watching;
  const record = (await upstream.requests(tag)).at(-1);
  if (!record?.firstTokenAt) throw new Error('the translation did not reach the fake upstream');
  return { totalMs, fakeTtftMs: record.firstTokenAt - record.startedAt };
}
