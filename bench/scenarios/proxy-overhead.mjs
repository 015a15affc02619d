// Scenario 1: what Rill adds between the browser and the model. The same paced answer is
// streamed through Rill's POST /api/chat, through a bare AI SDK route (the docs' streamText →
// toUIMessageStreamResponse, in bench/fixtures/bare-ai-sdk) and straight from the fake upstream,
// in rotating batches of 1, 10 and 100 concurrent streams, so all three see the same machine load.

import { ensurePeerBuild } from '../lib/build.mjs';
import { figure } from '../lib/figures.mjs';
import { processCpuMs } from '../lib/process-cpu.mjs';
import { promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { median, percentile, round, sum } from '../lib/stats.mjs';
import { concurrentStreams, keepAliveAgent, routes } from '../lib/stream-client.mjs';

const WARMUP_STREAMS = 20;
/** Targets, from issue #12 (1 and 10 streams, and 100 streams at 100 tokens/s). */
const ADDED_TTFT_P50 = { 1: 5, 10: 5, 100: 150 };
const ADDED_TTFT_P99 = { 1: 20, 10: 20, 100: 300 };
const DURATION_RATIO = 1.15;
const CPU_PER_TOKEN_US = 120;

export const proxyOverhead = {
  id: 'proxy',
  title: 'Proxy overhead',
  async run({ sizes }) {
    const { concurrency, tokens, minStreams, minRounds } = sizes.proxy;
    ensurePeerBuild();
    return withServers({ paceMs: sizes.paceMs, peer: true }, async ({ upstream, app, peer }) => {
      const sockets = Math.max(...concurrency);
      const paths = {
        rill: { route: routes.rill, origin: app.origin, agent: keepAliveAgent(sockets), pid: app.pid },
        bare: { route: routes.bare, origin: peer.origin, agent: keepAliveAgent(sockets), pid: peer.pid },
        direct: { route: routes.direct, origin: upstream.origin, agent: keepAliveAgent(sockets), pid: upstream.pid },
      };
      const names = Object.keys(paths);
      // CPU used per streamed token by the server of each path, per concurrency level: the
      // upstream's own for the direct path.
      const measuredBatch = async (name, count, cpu) => {
        const path = paths[name];
        const before = processCpuMs(path.pid);
        const streams = await concurrentStreams(count, () => ({ ...path, body: path.route.body(promptFor(tokens)) }));
        cpu[name].ms += processCpuMs(path.pid) - before;
        cpu[name].tokens += sum(streams.map((s) => s.tokens));
        return streams;
      };

      // JIT, route compilation and connection pools, on every path, before anything counts.
      const warmup = Object.fromEntries(names.map((name) => [name, { ms: 0, tokens: 0 }]));
      for (const name of names) await measuredBatch(name, WARMUP_STREAMS, warmup);

      const figures = [];
      const levels = [];
      for (const streams of concurrency) {
        const results = Object.fromEntries(names.map((name) => [name, []]));
        const cpu = Object.fromEntries(names.map((name) => [name, { ms: 0, tokens: 0 }]));
        const rounds = Math.max(minRounds, Math.ceil(minStreams / streams));
        for (let r = 0; r < rounds; r++) {
          // Rotating which path goes first cancels out drift in the machine's load.
          for (let i = 0; i < names.length; i++) {
            const name = names[(r + i) % names.length];
            results[name].push(await measuredBatch(name, streams, cpu));
          }
        }
        await upstream.clearLog();
        const summary = Object.fromEntries(names.map((name) => [name, { ...summarize(results[name], tokens), cpuUsPerToken: (cpu[name].ms * 1000) / cpu[name].tokens }]));
        levels.push({ streams, rounds, ...summary });
        const { direct } = summary;
        for (const name of ['rill', 'bare']) {
          const path = summary[name];
          const who = name === 'rill' ? 'Rill' : 'bare AI SDK';
          const versus = (value, unit, digits = 1) => `direct ${round(value, digits)} ${unit}`;
          figures.push(
            figure({ name: `${who}: added TTFT p50 @${streams}`, value: path.ttftP50 - direct.ttftP50, unit: 'ms', digits: 2, reference: versus(direct.ttftP50, 'ms', 2), target: { op: '<=', limit: ADDED_TTFT_P50[streams] ?? 150 } }),
            figure({ name: `${who}: added TTFT p99 @${streams}`, value: path.ttftP99 - direct.ttftP99, unit: 'ms', digits: 2, reference: versus(direct.ttftP99, 'ms', 2), target: { op: '<=', limit: ADDED_TTFT_P99[streams] ?? 300 } }),
            figure({ name: `${who}: stream duration @${streams}`, value: path.durationP50 / direct.durationP50, unit: '×', digits: 2, reference: versus(direct.durationP50, 'ms', 0), target: { op: '<=', limit: DURATION_RATIO } }),
            figure({ name: `${who}: server CPU per token @${streams}`, value: path.cpuUsPerToken, unit: 'µs', digits: 0, reference: `upstream's own ${Math.round(direct.cpuUsPerToken)} µs`, target: streams === Math.max(...concurrency) ? { op: '<=', limit: CPU_PER_TOKEN_US } : undefined }),
          );
          if (path.failed > 0) figures.push(figure({ name: `${who}: incomplete streams @${streams}`, value: path.failed, digits: 0, reference: path.firstError ?? '', target: { op: '<=', limit: 0 } }));
        }
        figures.push(
          figure({ name: `Rill vs bare: CPU per token @${streams}`, value: summary.rill.cpuUsPerToken / summary.bare.cpuUsPerToken, unit: '×', digits: 2, reference: `${Math.round(summary.rill.cpuUsPerToken)} vs ${Math.round(summary.bare.cpuUsPerToken)} µs`, target: { op: '<=', limit: 1 } }),
        );
      }
      return { figures, details: { tokensPerStream: tokens, paceMs: sizes.paceMs, levels } };
    });
  },
};

/** TTFT percentiles and the median stream duration (request to last byte) over every complete stream. */
function summarize(batches, tokensPerStream) {
  const streams = batches.flat();
  const complete = streams.filter((s) => !s.error && s.tokens === tokensPerStream);
  const ttfts = complete.map((s) => s.firstTokenAt - s.startedAt);
  return {
    streams: streams.length,
    failed: streams.length - complete.length,
    firstError: streams.find((s) => s.error)?.error ?? null,
    ttftP50: percentile(ttfts, 50),
    ttftP99: percentile(ttfts, 99),
    durationP50: median(complete.map((s) => s.endedAt - s.startedAt)),
  };
}
