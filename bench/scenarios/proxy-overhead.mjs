// Scenario 1: what Rill adds between the browser and the model. The same paced answer is
// streamed through Rill's POST /api/chat, through a bare AI SDK route (the docs' streamText →
// toUIMessageStreamResponse, in bench/fixtures/bare-ai-sdk) and straight from the fake upstream,
// in rotating batches of 1, 10 and 100 concurrent streams, so all of them see the same machine load.
// Beside them, the platform's floor: Next serving the same frames at the same pace with no model.
// A last level repeats 100 streams with longer answers: comparing the two tells what each server
// spends per request from what it spends per token.

import { ensurePeerBuild } from '../lib/build.mjs';
import { figure } from '../lib/figures.mjs';
import { processCpuMs } from '../lib/process-cpu.mjs';
import { promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { median, percentile, round, sum } from '../lib/stats.mjs';
import { concurrentStreams, keepAliveAgent, routes } from '../lib/stream-client.mjs';

const WARMUP_STREAMS = 20;
/** Targets, from issue #12: 1 and 10 streams, and 100 streams at 100 tokens/s. */
const ADDED_TTFT_P50 = { 1: 5, 10: 5, 100: 150 };
const ADDED_TTFT_P99 = { 1: 20, 10: 20, 100: 300 };
const DURATION_RATIO = 1.15;
const CPU_PER_TOKEN_US = 120;
const PATHS = ['rill', 'bare', 'floor', 'direct'];
const NAMES = { rill: 'Rill', bare: 'bare AI SDK' };

export const proxyOverhead = {
  id: 'proxy',
  title: 'Proxy overhead',
  async run({ sizes }) {
    const { concurrency, tokens, longTokens, minStreams, minRounds } = sizes.proxy;
    ensurePeerBuild();
    return withServers({ paceMs: sizes.paceMs, peer: true }, async ({ upstream, app, peer }) => {
      const most = Math.max(...concurrency);
      const servers = { rill: app, bare: peer, floor: peer, direct: upstream };
      const paths = Object.fromEntries(PATHS.map((name) => [name, { route: routes[name], origin: servers[name].origin, pid: servers[name].pid }]));
      // CPU of the server of each path while it serves its batch (the upstream's own for direct).
      const measuredBatch = async (name, count, tokensPerStream, cpu) => {
        const path = paths[name];
        // New connections for every batch: sockets left idle while the other paths ran could meet
        // the server's keep-alive timeout just as they are reused.
        const agent = keepAliveAgent(count);
        const before = processCpuMs(path.pid);
        const streams = await concurrentStreams(count, () => ({ ...path, agent, body: path.route.body(promptFor(tokensPerStream)) }));
        agent.destroy();
        cpu[name].ms += processCpuMs(path.pid) - before;
        cpu[name].tokens += sum(streams.map((s) => s.tokens));
        cpu[name].streams += streams.length;
        return streams;
      };
      const measureLevel = async (streams, tokensPerStream) => {
        const results = Object.fromEntries(PATHS.map((name) => [name, []]));
        const cpu = Object.fromEntries(PATHS.map((name) => [name, { ms: 0, tokens: 0, streams: 0 }]));
        const rounds = Math.max(minRounds, Math.ceil(minStreams / streams));
        for (let r = 0; r < rounds; r++) {
          // Rotating which path goes first cancels out drift in the machine's load.
          for (let i = 0; i < PATHS.length; i++) {
            const name = PATHS[(r + i) % PATHS.length];
            results[name].push(await measuredBatch(name, streams, tokensPerStream, cpu));
          }
        }
        await upstream.clearLog();
        return Object.fromEntries(PATHS.map((name) => [name, { ...summarize(results[name], tokensPerStream), cpuUsPerToken: (cpu[name].ms * 1000) / cpu[name].tokens, cpu: cpu[name] }]));
      };

      // JIT, route compilation and connection pools, on every path, before anything counts.
      const warmup = Object.fromEntries(PATHS.map((name) => [name, { ms: 0, tokens: 0, streams: 0 }]));
      for (const name of PATHS) await measuredBatch(name, WARMUP_STREAMS, tokens, warmup);

      const figures = [];
      const levels = [];
      for (const streams of concurrency) {
        const summary = await measureLevel(streams, tokens);
        levels.push({ streams, tokensPerStream: tokens, ...summary });
        const { direct } = summary;
        for (const name of ['rill', 'bare']) {
          const path = summary[name];
          const who = NAMES[name];
          figures.push(
            figure({ name: `${who}: added TTFT p50 @${streams}`, value: path.ttftP50 - direct.ttftP50, unit: 'ms', digits: 2, reference: `direct ${round(direct.ttftP50, 2)} ms`, target: { op: '<=', limit: ADDED_TTFT_P50[streams] ?? 150 } }),
            figure({ name: `${who}: added TTFT p99 @${streams}`, value: path.ttftP99 - direct.ttftP99, unit: 'ms', digits: 2, reference: `direct ${round(direct.ttftP99, 2)} ms`, target: { op: '<=', limit: ADDED_TTFT_P99[streams] ?? 300 } }),
            figure({ name: `${who}: stream duration @${streams}`, value: path.durationP50 / direct.durationP50, unit: '×', digits: 2, reference: `direct ${Math.round(direct.durationP50)} ms`, target: { op: '<=', limit: DURATION_RATIO } }),
          );
          if (path.failed > 0) figures.push(figure({ name: `${who}: incomplete streams @${streams}`, value: path.failed, digits: 0, reference: path.firstError ?? '', target: { op: '<=', limit: 0 } }));
        }
        figures.push(cpuFigure(`server CPU per token @${streams}`, summary, streams === most ? CPU_PER_TOKEN_US : undefined));
      }

      // The same load with answers `longTokens` long: per-token costs now outweigh per-request ones.
      const long = await measureLevel(most, longTokens);
      levels.push({ streams: most, tokensPerStream: longTokens, ...long });
      const short = levels.find((level) => level.streams === most && level.tokensPerStream === tokens);
      figures.push(
        cpuFigure(`server CPU per token @${most}, ${longTokens}-token answers`, long, CPU_PER_TOKEN_US),
        ...['rill', 'bare'].map((name) => {
          const { perRequestMs, perTokenUs } = splitCost(short[name].cpu, long[name].cpu);
          const floor = splitCost(short.floor.cpu, long.floor.cpu);
          return figure({ name: `${NAMES[name]}: CPU per request, per token`, value: perRequestMs, unit: 'ms', digits: 2, reference: `+ ${Math.round(perTokenUs)} µs/token (Next alone: ${round(floor.perRequestMs, 2)} ms + ${Math.round(floor.perTokenUs)} µs)` });
        }),
        figure({ name: `Rill vs bare: CPU @${most}, ${longTokens}-token answers`, value: long.rill.cpuUsPerToken / long.bare.cpuUsPerToken, unit: '×', digits: 2, reference: `${Math.round(long.rill.cpuUsPerToken)} vs ${Math.round(long.bare.cpuUsPerToken)} µs/token`, target: { op: '<=', limit: 1 } }),
      );
      return { figures, details: { tokensPerStream: tokens, longTokens, paceMs: sizes.paceMs, levels } };
    });
  },
};

/** Rill's CPU per streamed token, with the peer's, the platform floor's and the upstream's beside it. */
function cpuFigure(name, summary, limit) {
  const us = (path) => Math.round(summary[path].cpuUsPerToken);
  return figure({
    name: `Rill: ${name}`,
    value: summary.rill.cpuUsPerToken,
    unit: 'µs',
    digits: 0,
    reference: `bare ${us('bare')}, Next alone ${us('floor')}, upstream ${us('direct')} µs`,
    target: limit === undefined ? undefined : { op: '<=', limit },
  });
}

/** Two runs of one load with different answer lengths, solved for a cost per request and a cost per token. */
function splitCost(short, long) {
  const tokensPerStream = (cpu) => cpu.tokens / cpu.streams;
  const msPerStream = (cpu) => cpu.ms / cpu.streams;
  const perTokenMs = (msPerStream(long) - msPerStream(short)) / (tokensPerStream(long) - tokensPerStream(short));
  return { perTokenUs: perTokenMs * 1000, perRequestMs: msPerStream(short) - perTokenMs * tokensPerStream(short) };
}

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
