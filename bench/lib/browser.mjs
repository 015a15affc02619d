// Chromium for the rendering scenario, launched the way the e2e suite launches it.

import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The system Chromium when there is one (Playwright cannot download its own here), else Playwright's. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : chromium.executablePath());
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Chromium's own counters (Performance.getMetrics) as { ScriptDuration, TaskDuration, … } in seconds. */
export async function renderer(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Installed before the page's own scripts: every main-thread task over 50 ms, from the Long Tasks API. */
export function recordLongTasks() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames say which script ran in them (function, file), to tell what a long task was.
  window.__benchLongFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLongFrames.push({
        start: Math.round(entry.startTime),
        duration: Math.round(entry.duration),
        scripts: entry.scripts.map((script) => `${script.invoker || script.invokerType} ${script.sourceFunctionName || ''} ${(script.sourceURL || '').split('/').pop()} ${Math.round(script.duration)}ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}
