// Scenario 5: first-load JavaScript per page. Next 16 no longer prints sizes, so this
// reads what a browser would load: the <script src> tags of the served HTML, resolved
// to files in .next/static and gzipped. noModule scripts (legacy polyfills) are left
// out, as modern browsers never fetch them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from '../lib/figures.mjs';
import { repoRoot } from '../lib/repo.mjs';
import { withServers } from '../lib/servers.mjs';
import { round } from '../lib/stats.mjs';

const PAGES = ['/chat', '/translate', '/collaborate'];
const SCRIPT_TAG = /<script\b[^>]*>/g;

export const bundle = {
  id: 'bundle',
  title: 'Bundle',
  async run({ sizes }) {
    return withServers({ paceMs: sizes.paceMs }, async ({ app }) => {
      const pages = [];
      for (const path of PAGES) {
        const res = await fetch(`${app.origin}${path}`);
        if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
        const scripts = firstLoadScripts(await res.text()).map((src) => ({ src, gzipBytes: gzipSize(src) }));
        pages.push({ path, scripts, gzipBytes: scripts.reduce((total, s) => total + s.gzipBytes, 0) });
      }
      return {
        figures: pages.map((page) =>
          figure({ name: `first-load JS ${page.path}`, value: page.gzipBytes / 1000, unit: 'kB', reference: `${page.scripts.length} scripts, gzip`, target: { op: '<=', limit: 150 } }),
        ),
        details: { pages: pages.map((p) => ({ ...p, kB: round(p.gzipBytes / 1000) })) },
      };
    });
  },
};

function firstLoadScripts(html) {
  const sources = [];
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag) && !sources.includes(src)) sources.push(src);
  }
  return sources;
}

function gzipSize(src) {
  const { pathname } = new URL(src, 'http://app');
  if (!pathname.startsWith('/_next/static/')) throw new Error(`script ${src} is not a build file`);
  const file = join(repoRoot, '.next', 'static', decodeURIComponent(pathname.slice('/_next/static/'.length)));
  return gzipSync(readFileSync(file), { level: 9 }).length;
}
