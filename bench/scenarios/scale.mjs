// Scenario 2: many concurrent streams on one server process. All start at once, and
// the server's resident memory is sampled from /proc while they run.

import { writeFileSync } from 'node:fs';
import { figure } from '../lib/figures.mjs';
import { mib, processMemory, sampleMemory } from '../lib/process-memory.mjs';
import { promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { round } from '../lib/stats.mjs';
import { concurrentStreams, keepAliveAgent, routes } from '../lib/stream-client.mjs';

export const scale = {
  id: 'scale',
  title: 'Scale',
  async run({ sizes }) {
    const { streams, tokens, paceMs } = sizes.scale;
    return withServers({ paceMs }, async ({ app }) => {
      const request = (agent) => () => ({ agent, origin: app.origin, route: routes.rill, body: routes.rill.body(promptFor(tokens)) });
      await concurrentStreams(20, request(keepAliveAgent(20)));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const idle = processMemory(app.pid).rss;
      resetPeak(app.pid);

      const sampler = sampleMemory(app.pid);
      const startedAt = performance.now();
      // New connections, as from that many browsers; reused idle ones could race the server's keep-alive timeout.
      const results = await concurrentStreams(streams, request(keepAliveAgent(streams)));
      const wallMs = performance.now() - startedAt;
      const { peak } = sampler.stop();

      const completed = results.filter((s) => !s.error && s.tokens === tokens).length;
      const perStreamKB = (peak - idle) / streams / 1024;
      return {
        figures: [
          figure({ name: `completed of ${streams}`, value: completed, digits: 0, reference: `${mostAtOnce(results, 'startedAt')} open and ${mostAtOnce(results, 'firstTokenAt')} streaming at once`, target: { op: '>=', limit: streams } }),
          figure({ name: 'errors', value: streams - completed, digits: 0, reference: firstError(results), target: { op: '<=', limit: 0 } }),
          figure({ name: 'peak RSS per stream', value: perStreamKB, unit: 'KB', reference: `idle ${round(mib(idle))} MiB, peak ${round(mib(peak))} MiB`, target: { op: '<=', limit: 150 } }),
          figure({ name: 'wall time', value: wallMs / 1000, unit: 's', reference: `paced minimum ${round((tokens * paceMs) / 1000)} s` }),
        ],
        details: { streams, tokensPerStream: tokens, paceMs, idleRssBytes: idle, peakRssBytes: peak, wallMs: round(wallMs) },
      };
    });
  },
};

/** Lets VmHWM measure this scenario's peak rather than start-up's (Linux: 5 > clear_refs). */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Older kernels: the sampled RSS still bounds the peak from below.
  }
}

/** The largest number of streams that were between `from` and `to` (e.g. first token and end) at one moment. */
function mostAtOnce(results, from) {
  const events = results
    .filter((s) => s[from] !== undefined)
    .flatMap((s) => [[s[from], 1], [s.endedAt, -1]])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (open += delta));
  return most;
}

const firstError = (results) => results.find((s) => s.error)?.error ?? (results.some((s) => s.tokens === 0) ? 'a stream had no tokens' : '');
