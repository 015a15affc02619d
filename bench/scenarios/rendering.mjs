// Scenario 3: what the browser pays to show a long answer, and to open a long conversation.
//
// A markdown answer and a plain-text one of the same token count stream at the same pace into
// /chat, each in a fresh page, while a person types in the message box. Chromium's counters are
// sampled along with how much of the answer the page shows, so scripting time can be split per
// character of rendered answer between the start and the end; the keystrokes give the time from
// a key to the next frame (the Event Timing API). Then a 500-message conversation is opened from
// storage and scrolled from the bottom to the top.

import { figure } from '../lib/figures.mjs';
import { launchChromium, recordLongTasks, renderer } from '../lib/browser.mjs';
import { longConversation } from '../lib/long-conversation.mjs';
import { nonce } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { percentile, round } from '../lib/stats.mjs';

const SAMPLE_EVERY_MS = 200;
const KEY_EVERY_MS = 120;

export const rendering = {
  id: 'render',
  title: 'Rendering',
  async run({ sizes }) {
    const { tokens, paceMs, conversationMessages } = sizes.render;
    return withServers({ paceMs: sizes.paceMs }, async ({ upstream, app }) => {
      const browser = await launchChromium();
      try {
        const answer = (kind, count) => streamIntoChat(browser, { app, upstream, kind, tokens: count, paceMs });
        // First page load pays for compiling the app's scripts; neither measured run should.
        await answer('plain', 100);
        const plain = summarize(await answer('plain', tokens));
        const markdown = summarize(await answer('markdown', tokens));
        const opened = await openLongConversation(browser, { app, messages: conversationMessages });
        return {
          figures: [
            figure({ name: 'longest task while streaming', value: markdown.longestTaskMs, unit: 'ms', digits: 0, reference: `plain text ${round(plain.longestTaskMs, 0)} ms`, target: { op: '<=', limit: 50 } }),
            figure({ name: 'keystroke to next frame p98', value: markdown.keyToFrameP98, unit: 'ms', digits: 0, reference: `plain text ${round(plain.keyToFrameP98, 0)} ms, ${markdown.keys} keys`, target: { op: '<=', limit: 50 } }),
            figure({ name: 'scripting vs plain text', value: markdown.scriptingS / plain.scriptingS, unit: '×', digits: 2, reference: `${round(markdown.scriptingS, 2)} s vs ${round(plain.scriptingS, 2)} s, at ${Math.round(markdown.tokensPerSecond)} tok/s`, target: { op: '<=', limit: 2 } }),
            figure({
              name: 'per-character cost, last tenth / first tenth',
              value: markdown.lastTenthUs / markdown.firstTenthUs,
              unit: '×',
              digits: 2,
              reference: `${round(markdown.firstTenthUs, 1)} → ${round(markdown.lastTenthUs, 1)} µs/char (plain ${round(plain.firstTenthUs, 1)} → ${round(plain.lastTenthUs, 1)})`,
              target: { op: '<=', limit: 1.5 },
            }),
            figure({ name: `opening ${conversationMessages} messages: longest task`, value: opened.longestTaskMs, unit: 'ms', digits: 0, reference: `${opened.longTasks} tasks over 50 ms, all shown in ${round(opened.shownMs, 0)} ms`, target: { op: '<=', limit: 100 } }),
            figure({ name: `scrolling ${conversationMessages} messages: longest task`, value: opened.scrollLongestTaskMs, unit: 'ms', digits: 0, reference: `top reached in ${round(opened.scrollMs, 0)} ms`, target: { op: '<=', limit: 100 } }),
            figure({ name: `JS heap with ${conversationMessages} messages open`, value: opened.heapMiB, unit: 'MiB', digits: 1, reference: `empty chat ${round(opened.emptyHeapMiB, 1)} MiB` }),
          ],
          details: { tokens, paceMs, markdown, plain, opened },
        };
      } finally {
        await browser.close();
      }
    });
  },
};

async function streamIntoChat(browser, { app, upstream, kind, tokens, paceMs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(recordLongTasks);
    await context.addInitScript(recordKeyToFrame);
    const page = await context.newPage();
    await page.goto(`${app.origin}/chat`, { waitUntil: 'networkidle' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    const tag = nonce('render');
    const input = page.getByRole('combobox', { name: 'Message', exact: true });
    await input.fill(`${tag} [[bench-${kind} ${tokens}]] [[pace ${paceMs}]]`);
    const sentAt = await page.evaluate(() => performance.now());
    const samples = [await sample(cdp, page)];
    await input.press('Enter');

    const done = page.waitForSelector('[data-testid="message-assistant"][data-status="done"]', { timeout: tokens * paceMs * 10 + 30_000 });
    let finished = false;
    done.then(() => (finished = true), () => (finished = true));
    // Someone writing their next message while the answer streams.
    const typing = (async () => {
      for (let i = 0; !finished; i++) {
        await input.press(i % 30 === 29 ? 'Backspace' : 'KeyA');
        await new Promise((resolve) => setTimeout(resolve, KEY_EVERY_MS));
      }
    })();
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      samples.push(await sample(cdp, page));
    }
    await done;
    await typing;
    samples.push(await sample(cdp, page));
    const [longTasks, longFrames, keys, upstreamRecord] = await Promise.all([
      page.evaluate((since) => window.__benchLongTasks.filter((task) => task.start >= since), sentAt),
      page.evaluate((since) => window.__benchLongFrames.filter((frame) => frame.start >= since && frame.duration > 50).sort((a, b) => b.duration - a.duration).slice(0, 5), sentAt),
      page.evaluate(() => window.__benchKeys),
      upstream.requests(tag).then((records) => records[0]),
    ]);
    return { kind, tokens, samples, longTasks, longFrames, keys, streamedMs: upstreamRecord ? upstreamRecord.endedAt - upstreamRecord.startedAt : null };
  } finally {
    await context.close();
  }
}

/** Scripting time so far, next to how many characters of the answer the page shows by now. */
async function sample(cdp, page) {
  const [metrics, shown] = await Promise.all([
    renderer(cdp),
    page.evaluate(() => [...document.querySelectorAll('[data-testid="message-assistant"]')].at(-1)?.textContent?.length ?? 0),
  ]);
  return { at: performance.now(), shown, scriptS: metrics.ScriptDuration, taskS: metrics.TaskDuration };
}

/**
 * Installed before the page's own scripts: for every key pressed in the page, the time from the
 * event to the next frame painted after it (Event Timing's duration; under 16 ms it is not reported).
 */
function recordKeyToFrame() {
  window.__benchKeys = { pressed: 0, durations: [] };
  document.addEventListener('keydown', () => window.__benchKeys.pressed++, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') window.__benchKeys.durations.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

function summarize({ tokens, samples, longTasks, longFrames, keys, streamedMs }) {
  const first = samples[0];
  const last = samples.at(-1);
  const total = last.shown;
  const tenth = Math.max(1, Math.floor(total / 10));
  const perCharUs = (from, to) => ((scriptAt(samples, to) - scriptAt(samples, from)) / (to - from)) * 1e6;
  // Keys faster than Event Timing reports count as one frame (16 ms).
  const durations = [...keys.durations, ...Array(Math.max(0, keys.pressed - keys.durations.length)).fill(16)];
  const firstShown = samples.find((s) => s.shown > 0) ?? first;
  return {
    scriptingS: last.scriptS - first.scriptS,
    taskS: last.taskS - first.taskS,
    longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    longTasks: longTasks.length,
    keys: keys.pressed,
    keyToFrameP98: percentile(durations, 98),
    keyToFrameMax: Math.max(0, ...durations),
    firstTenthUs: perCharUs(firstShown.shown, firstShown.shown + tenth),
    lastTenthUs: perCharUs(total - tenth, total),
    tokensPerSecond: streamedMs ? (tokens * 1000) / streamedMs : null,
    renderedChars: total,
    samples: samples.length,
    longestFrames: longFrames,
  };
}

/** Scripting seconds at the moment the page showed `chars` characters, interpolated between samples. */
function scriptAt(samples, chars) {
  let i = samples.findLastIndex((s) => s.shown <= chars);
  if (i === -1) i = 0;
  const a = samples[i];
  const b = samples[i + 1];
  if (!b || b.shown === a.shown) return a.scriptS;
  return a.scriptS + ((b.scriptS - a.scriptS) * (chars - a.shown)) / (b.shown - a.shown);
}

/** A conversation of `messages` messages saved in the browser, opened at its URL, then scrolled to its start. */
async function openLongConversation(browser, { app, messages }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const conversation = longConversation(messages);
    await context.addInitScript(recordLongTasks);
    await context.addInitScript((saved) => {
      if (!localStorage.getItem('rill-chat')) localStorage.setItem('rill-chat', JSON.stringify({ version: 2, state: { conversations: { [saved.id]: saved }, draftSettings: {} } }));
    }, conversation);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${app.origin}/chat`, { waitUntil: 'networkidle' });
    const emptyHeap = (await renderer(cdp)).JSHeapUsedSize;

    const openedAt = Date.now();
    await page.goto(`${app.origin}/chat/${conversation.id}`);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid^="message-"]').length === count, messages, { timeout: 60_000, polling: 50 });
    const shownMs = Date.now() - openedAt;
    await page.waitForLoadState('networkidle');
    const opening = await page.evaluate(() => window.__benchLongTasks);

    const scroller = page.getByRole('list', { name: 'Messages' }).locator('..');
    const box = await scroller.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollStart = await page.evaluate(() => performance.now());
    for (let i = 0; i < 400 && (await scroller.evaluate((element) => element.scrollTop)) > 0; i++) await page.mouse.wheel(0, -1500);
    const scrolled = await page.evaluate((since) => ({ tasks: window.__benchLongTasks.filter((task) => task.start >= since), now: performance.now() }), scrollStart);
    const heap = (await renderer(cdp)).JSHeapUsedSize;
    return {
      messages,
      shownMs,
      longestTaskMs: Math.max(0, ...opening.map((t) => t.duration)),
      longTasks: opening.length,
      scrollMs: scrolled.now - scrollStart,
      scrollLongestTaskMs: Math.max(0, ...scrolled.tasks.map((t) => t.duration)),
      heapMiB: heap / 2 ** 20,
      emptyHeapMiB: emptyHeap / 2 ** 20,
    };
  } finally {
    await context.close();
  }
}
