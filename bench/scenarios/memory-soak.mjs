// Scenario 6: memory over time. Thousands of short streams in a row stand in for minutes
// of normal traffic; the server's memory is read after a forced garbage collection at the
// start (after warm-up) and at the end, so only memory that is still held counts.

import { figure } from '../lib/figures.mjs';
import { connectInspector } from '../lib/inspector.mjs';
import { ports } from '../lib/ports.mjs';
import { mib, processMemory } from '../lib/process-memory.mjs';
import { promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { round } from '../lib/stats.mjs';
import { keepAliveAgent, routes, streamOnce } from '../lib/stream-client.mjs';

const WARMUP_STREAMS = 200;
const SERIES_POINTS = 20;

export const memorySoak = {
  id: 'soak',
  title: 'Memory over time',
  async run({ sizes }) {
    const { streams, tokens, concurrency } = sizes.soak;
    const appNodeArgs = [`--inspect=127.0.0.1:${ports.inspector}`];
    return withServers({ paceMs: 0, appNodeArgs }, async ({ upstream, app }) => {
      const inspector = await connectInspector(ports.inspector);
      try {
        const agent = keepAliveAgent(concurrency);
        let failed = 0;
        const run = async (count) => {
          let next = 0;
          const worker = async () => {
            while (next++ < count) {
              const s = await streamOnce({ agent, origin: app.origin, route: routes.rill, body: routes.rill.body(promptFor(tokens)) });
              if (s.error || s.tokens !== tokens) failed++;
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
          // The fake upstream keeps every request; it is not what is measured here.
          await upstream.clearLog();
        };
        const settled = async () => {
          await inspector.collectGarbage();
          return { rss: processMemory(app.pid).rss, heapUsed: (await inspector.memoryUsage()).heapUsed };
        };

        await run(WARMUP_STREAMS);
        const start = await settled();
        const series = [];
        const startedAt = performance.now();
        const step = Math.ceil(streams / SERIES_POINTS);
        for (let done = 0; done < streams; done += step) {
          await run(Math.min(step, streams - done));
          series.push({ streams: Math.min(done + step, streams), rss: processMemory(app.pid).rss });
        }
        const wallMs = performance.now() - startedAt;
        const end = await settled();

        const rssGrowth = (100 * (end.rss - start.rss)) / start.rss;
        const heapGrowth = (100 * (end.heapUsed - start.heapUsed)) / start.heapUsed;
        return {
          figures: [
            figure({ name: `RSS growth over ${streams} streams`, value: rssGrowth, unit: '%', reference: `${round(mib(start.rss))} → ${round(mib(end.rss))} MiB after GC`, target: { op: '<=', limit: 10 } }),
            figure({ name: 'live heap growth', value: heapGrowth, unit: '%', reference: `${round(mib(start.heapUsed))} → ${round(mib(end.heapUsed))} MiB after GC`, target: { op: '<=', limit: 5 } }),
            figure({ name: 'failed streams', value: failed, digits: 0, reference: `${round(wallMs / 1000)} s, ${Math.round((streams / wallMs) * 1000)} streams/s`, target: { op: '<=', limit: 0 } }),
          ],
          details: { streams, tokensPerStream: tokens, concurrency, start, end, series, wallMs: round(wallMs) },
        };
      } finally {
        inspector.close();
      }
    });
  },
};
