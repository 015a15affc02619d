import { expect, test, type Page } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { releaseHeld, uniqueMarker } from './support/upstream';

/** Collects the page's CSP violations, as the browser reports them to the document. */
async function recordViolations(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test('pages carry a nonce CSP and security headers, with a fresh nonce each time', async ({ request }) => {
  const first = await request.get('/chat');
  const second = await request.get('/chat');
  const policy = first.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
  expect(second.headers()['content-security-policy']).not.toBe(policy);
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get('/api/health')]) {
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  }
});

test('with the CSP on, the chat still streams an answer', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  const chat = chatPage(page);
  await chat.open();
  const marker = uniqueMarker('csp');
  // Held after three tokens: the answer must be on screen, still streaming, before the rest is sent.
  await chat.send(`${marker} [[hold 3]] [[long 25]]`);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'streaming');
  await expect(chat.lastAnswer).toContainText(`Echo: ${marker}`);
  await releaseHeld(marker);
  await expect(chat.lastAnswer).toHaveAttribute('data-status', 'done');
  expect((await chat.lastAnswer.innerText()).trim().split(/\s+/)).toHaveLength(27);
  expect(errors).toEqual([]);
});

test('an injected inline script does not run', async ({ page }) => {
  await chatPage(page).open();
  const violations = await recordViolations(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = "script ran"';
    document.body.append(script);
  });
  await expect.poll(violations).toContain('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
});

test('markup injected into the page cannot run its event handlers', async ({ page }) => {
  await chatPage(page).open();
  const violations = await recordViolations(page);
  // What a renderer that let HTML through from a model answer would do.
  await page.evaluate(() => {
    const answer = document.createElement('div');
    answer.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.injected = \'handler ran\'"><img src="/missing.png" onerror="window.injected = \'handler ran\'">';
    document.body.append(answer);
  });
  await expect.poll(violations).toContain('script-src-attr');
  expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
});
