import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __layoutShift?: number;
  }
}

/**
 * Sums the page's layout shifts (the CLS entries a user did not cause: those within 500 ms of an
 * input are left out, as Chrome's metric does), from before the page's first paint. Call before
 * `goto`; read with `layoutShiftOf`.
 */
export async function recordLayoutShift(page: Page) {
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) window.__layoutShift = (window.__layoutShift ?? 0) + entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shift so far, once the browser has reported what the last frame moved. */
export async function layoutShiftOf(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // Layout-shift entries are queued with the frame that moved; two frames later they are in.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__layoutShift ?? 0)));
      }),
  );
}
