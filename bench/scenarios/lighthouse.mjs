// Scenario 7: Lighthouse (mobile profile, the default) on the chat and the translator, in the
// system Chromium. Scores swing with the machine's load, so each page is audited twice and both
// runs are kept; the figure is the lower of the two.

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { figure } from '../lib/figures.mjs';
import { chromiumPath } from '../lib/browser.mjs';
import { withServers } from '../lib/servers.mjs';

const PAGES = ['/chat', '/translate'];
const RUNS = 2;
const CATEGORIES = [
  ['performance', 90],
  ['accessibility', 100],
  ['best-practices', 100],
];

export const lighthouseScores = {
  id: 'lighthouse',
  title: 'Lighthouse',
  async run({ sizes }) {
    return withServers({ paceMs: sizes.paceMs }, async ({ app }) => {
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath(),
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
      try {
        const audits = [];
        for (const path of PAGES) {
          for (let run = 0; run < RUNS; run++) {
            const result = await lighthouse(`${app.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES.map(([id]) => id) });
            const { categories, audits: details } = result.lhr;
            audits.push({
              path,
              run,
              scores: Object.fromEntries(CATEGORIES.map(([id]) => [id, Math.round((categories[id]?.score ?? 0) * 100)])),
              totalBlockingTimeMs: details['total-blocking-time']?.numericValue,
              largestContentfulPaintMs: details['largest-contentful-paint']?.numericValue,
              failing: Object.values(details).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary').map((audit) => audit.id),
            });
          }
        }
        const figures = PAGES.flatMap((path) =>
          CATEGORIES.map(([id, limit]) => {
            const runs = audits.filter((audit) => audit.path === path);
            const scores = runs.map((audit) => audit.scores[id]);
            const tbt = id === 'performance' ? `, TBT ${runs.map((audit) => Math.round(audit.totalBlockingTimeMs ?? 0)).join(' / ')} ms` : '';
            return figure({ name: `${id} ${path}`, value: Math.min(...scores), digits: 0, reference: `runs: ${scores.join(', ')}${tbt}`, target: { op: '>=', limit } });
          }),
        );
        return { figures, details: { audits } };
      } finally {
        await chrome.kill();
      }
    });
  },
};
