// Scenario 3: what the browser pays to show a long answer. A markdown answer and a plain
// text one of the same token count stream at the same pace into /chat, each in a fresh
// page; Chromium's counters are sampled along with the fake upstream's token count, so
// scripting time can be split per token between the start and the end of the answer. That
// split assumes the page keeps up with the stream; a page that falls behind shows up in the
// longest-task figure first.

import { figure } from '../lib/figures.mjs';
import { launchChromium, recordLongTasks, renderer } from '../lib/browser.mjs';
import { nonce } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { round } from '../lib/stats.mjs';

const SAMPLE_EVERY_MS = 200;

export const rendering = {
  id: 'render',
  title: 'Rendering',
  async run({ sizes }) {
    const { tokens, paceMs, window } = sizes.render;
    return withServers({ paceMs: sizes.paceMs }, async ({ upstream, app }) => {
      const browser = await launchChromium();
      try {
        const answer = (kind, count) => streamIntoChat(browser, { app, upstream, kind, tokens: count, paceMs });
        // First page load pays for compiling the app's scripts; neither measured run should.
        await answer('plain', 100);
        const plain = summarize(await answer('plain', tokens), window);
        const markdown = summarize(await answer('markdown', tokens), window);
        return {
          figures: [
            figure({ name: 'longest task', value: markdown.longestTaskMs, unit: 'ms', digits: 0, reference: `plain text ${round(plain.longestTaskMs, 0)} ms`, target: { op: '<=', limit: 50 } }),
            figure({ name: 'scripting vs plain text', value: markdown.scriptingS / plain.scriptingS, unit: '×', digits: 2, reference: `${round(markdown.scriptingS, 2)} s vs ${round(plain.scriptingS, 2)} s, at ${Math.round(markdown.tokensPerSecond)} tok/s`, target: { op: '<=', limit: 3 } }),
            figure({
              name: `per-token cost, last ${window} / first ${window}`,
              value: markdown.lastWindowUs / markdown.firstWindowUs,
              unit: '×',
              digits: 2,
              reference: `${round(markdown.firstWindowUs, 0)} → ${round(markdown.lastWindowUs, 0)} µs/token (plain ${round(plain.firstWindowUs, 0)} → ${round(plain.lastWindowUs, 0)})`,
              target: { op: '<=', limit: 1.5 },
            }),
          ],
          details: { tokens, paceMs, window, markdown, plain },
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
    const page = await context.newPage();
    await page.goto(`${app.origin}/chat`, { waitUntil: 'networkidle' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    const tag = nonce('render');
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill(`${tag} [[bench-${kind} ${tokens}]] [[pace ${paceMs}]]`);
    const sentAt = await page.evaluate(() => performance.now());
    const samples = [await sample(cdp, upstream, tag)];
    await input.press('Enter');

    const done = page.waitForSelector('[data-testid="message-assistant"][data-status="done"]', { timeout: tokens * paceMs * 10 + 30_000 });
    let finished = false;
    done.then(() => (finished = true), () => (finished = true));
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      samples.push(await sample(cdp, upstream, tag));
    }
    await done;
    samples.push({ ...(await sample(cdp, upstream, tag)), tokens });

    const longTasks = await page.evaluate((since) => window.__benchLongTasks.filter((task) => task.start >= since), sentAt);
    return { kind, tokens, samples, longTasks };
  } finally {
    await context.close();
  }
}

/** Scripting time so far, next to how many tokens the upstream has sent by now. */
async function sample(cdp, upstream, tag) {
  const [metrics, [record]] = await Promise.all([renderer(cdp), upstream.requests(tag)]);
  return { at: performance.now(), tokens: record?.tokensSent ?? 0, scriptS: metrics.ScriptDuration, taskS: metrics.TaskDuration };
}

function summarize({ tokens, samples, longTasks }, window) {
  const first = samples[0];
  const last = samples.at(-1);
  const perTokenUs = (from, to) => ((scriptAt(samples, to) - scriptAt(samples, from)) / (to - from)) * 1e6;
  const streaming = samples.filter((s) => s.tokens > 0 && s.tokens < tokens);
  // The first window starts at the first sample that saw tokens, so sending the message
  // (rendering the question, opening the request) is not charged to the answer's tokens.
  const firstFrom = streaming[0]?.tokens ?? 0;
  return {
    scriptingS: last.scriptS - first.scriptS,
    taskS: last.taskS - first.taskS,
    longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    longTasks: longTasks.length,
    firstWindowUs: perTokenUs(firstFrom, firstFrom + window),
    lastWindowUs: perTokenUs(tokens - window, tokens),
    tokensPerSecond: streaming.length > 1 ? ((streaming.at(-1).tokens - streaming[0].tokens) / (streaming.at(-1).at - streaming[0].at)) * 1000 : null,
    samples: samples.length,
  };
}

/** Scripting seconds at the moment the upstream had sent `tokens`, interpolated between samples. */
function scriptAt(samples, tokens) {
  let i = samples.findLastIndex((s) => s.tokens <= tokens);
  if (i === -1) i = 0;
  const a = samples[i];
  const b = samples[i + 1];
  if (!b || b.tokens === a.tokens) return a.scriptS;
  return a.scriptS + ((b.scriptS - a.scriptS) * (tokens - a.tokens)) / (b.tokens - a.tokens);
}
