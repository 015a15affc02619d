// Scenario 1: what Rill adds between the browser and the model. The same paced answer is
// streamed through POST /api/chat and straight from the fake upstream, in alternating
// batches of 1, 10 and 100 concurrent streams, so both paths see the same machine load.

import { figure } from '../lib/figures.mjs';
import { processCpuMs } from '../lib/process-cpu.mjs';
import { promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { percentile, round, sum } from '../lib/stats.mjs';
import { concurrentStreams, keepAliveAgent, routes } from '../lib/stream-client.mjs';

const WARMUP_STREAMS = 20;

export const proxyOverhead = {
  id: 'proxy',
  title: 'Proxy overhead',
  async run({ sizes }) {
    const { concurrency, tokens, minStreams, minRounds } = sizes.proxy;
    return withServers({ paceMs: sizes.paceMs }, async ({ upstream, app }) => {
      const sockets = Math.max(...concurrency);
      const paths = {
        rill: { route: routes.rill, origin: app.origin, agent: keepAliveAgent(sockets) },
        direct: { route: routes.direct, origin: upstream.origin, agent: keepAliveAgent(sockets) },
      };
      const batch = (path, count) =>
        concurrentStreams(count, () => ({ ...path, body: path.route.body(promptFor(tokens)) }));
      // CPU used per streamed token: by the app while it proxies, by the upstream while it answers directly.
      const cpu = { app: { ms: 0, tokens: 0 }, upstream: { ms: 0, tokens: 0 } };
      const measuredBatch = async (name, count) => {
        const [pid, account] = name === 'rill' ? [app.pid, cpu.app] : [upstream.pid, cpu.upstream];
        const before = processCpuMs(pid);
        const streams = await batch(paths[name], count);
        account.ms += processCpuMs(pid) - before;
        account.tokens += sum(streams.map((s) => s.tokens));
        return streams;
      };

      // JIT, route compilation and connection pools, on both paths, before anything counts.
      await batch(paths.rill, WARMUP_STREAMS);
      await batch(paths.direct, WARMUP_STREAMS);

      const figures = [];
      const levels = [];
      for (const streams of concurrency) {
        const results = { rill: [], direct: [] };
        const rounds = Math.max(minRounds, Math.ceil(minStreams / streams));
        for (let r = 0; r < rounds; r++) {
          // Alternating which path goes first cancels out drift in the machine's load.
          for (const name of r % 2 ? ['direct', 'rill'] : ['rill', 'direct']) results[name].push(await measuredBatch(name, streams));
        }
        await upstream.clearLog();
        const rill = summarize(results.rill, tokens);
        const direct = summarize(results.direct, tokens);
        levels.push({ streams, rounds, rill, direct });
        figures.push(
          figure({ name: `added TTFT p50 @${streams}`, value: rill.ttftP50 - direct.ttftP50, unit: 'ms', digits: 2, reference: `direct ${round(direct.ttftP50, 2)} ms`, target: { op: '<=', limit: 2 } }),
          figure({ name: `added TTFT p99 @${streams}`, value: rill.ttftP99 - direct.ttftP99, unit: 'ms', digits: 2, reference: `direct ${round(direct.ttftP99, 2)} ms`, target: { op: '<=', limit: 10 } }),
          figure({ name: `throughput @${streams}`, value: (100 * rill.tokensPerSecond) / direct.tokensPerSecond, unit: '%', reference: `direct ${Math.round(direct.tokensPerSecond)} tok/s per stream`, target: { op: '>=', limit: 95 } }),
        );
        const failed = rill.failed + direct.failed;
        if (failed > 0) figures.push(figure({ name: `incomplete streams @${streams}`, value: failed, digits: 0, reference: `rill ${rill.failed}, direct ${direct.failed}`, target: { op: '<=', limit: 0 } }));
      }
      const usPerToken = ({ ms, tokens: count }) => (ms * 1000) / count;
      figures.push(
        figure({ name: 'server CPU per token', value: usPerToken(cpu.app), unit: 'µs', digits: 0, reference: `fake upstream's own ${Math.round(usPerToken(cpu.upstream))} µs/token` }),
      );
      return { figures, details: { tokensPerStream: tokens, paceMs: sizes.paceMs, levels, cpu } };
    });
  },
};

/**
 * TTFT percentiles over every stream, and tokens per second of each stream from request to
 * last byte, summed over streams. (The rate after the first token would flatter a proxy that
 * falls behind: tokens it held back arrive in a burst once it catches up.)
 */
function summarize(batches, tokensPerStream) {
  const streams = batches.flat();
  const complete = streams.filter((s) => !s.error && s.tokens === tokensPerStream);
  const ttfts = complete.map((s) => s.firstTokenAt - s.startedAt);
  const streamMs = sum(complete.map((s) => s.endedAt - s.startedAt));
  return {
    streams: streams.length,
    failed: streams.length - complete.length,
    firstError: streams.find((s) => s.error)?.error ?? null,
    ttftP50: percentile(ttfts, 50),
    ttftP99: percentile(ttfts, 99),
    tokensPerSecond: sum(complete.map((s) => s.tokens)) / (streamMs / 1000),
  };
}
