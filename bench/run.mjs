// `npm run bench`: runs every scenario against the production build, prints one table of
// figures (each a ratio against a reference measured in the same run, with its target),
// and writes them with the machine they ran on to bench/results/latest.json.
//
// BENCH_QUICK=1 for a smoke run of about a minute; BENCH_ONLY=proxy,cache to pick
// scenarios; sizes one by one in bench/lib/sizes.mjs.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { failedFigure } from './lib/figures.mjs';
import { describeMachine, machineInfo } from './lib/machine.mjs';
import { repoRoot } from './lib/repo.mjs';
import { stopAll } from './lib/servers.mjs';
import { sizes } from './lib/sizes.mjs';
import { resultsTable } from './lib/table.mjs';
import { bundle } from './scenarios/bundle.mjs';
import { cacheAndCoalescing } from './scenarios/cache.mjs';
import { lighthouseScores } from './scenarios/lighthouse.mjs';
import { memorySoak } from './scenarios/memory-soak.mjs';
import { proxyOverhead } from './scenarios/proxy-overhead.mjs';
import { rendering } from './scenarios/rendering.mjs';
import { scale } from './scenarios/scale.mjs';
import { search } from './scenarios/search.mjs';
import { translateLatency } from './scenarios/translate-latency.mjs';
import { voiceMint } from './scenarios/voice-mint.mjs';

const ALL = [proxyOverhead, scale, rendering, cacheAndCoalescing, bundle, memorySoak, lighthouseScores, search, translateLatency, voiceMint];
const OUTPUT = process.env.BENCH_OUT ?? join(repoRoot, 'bench', 'results', 'latest.json');

process.once('SIGINT', async () => {
  console.log('\nInterrupted: stopping servers.');
  await stopAll();
  process.exit(130);
});

const selected = pickScenarios(process.env.BENCH_ONLY);
const machine = machineInfo();
console.log(`Rill benchmarks (${sizes.quick ? 'quick' : 'full'} run) on ${describeMachine(machine)}\n`);
// A pure scenario (usesBuild: false) measures the app's modules in Node: chosen alone, it runs without a build.
const build = selected.some((scenario) => scenario.usesBuild !== false) ? ensureBuild() : { built: false, reason: 'no chosen scenario uses the build' };

const startedAt = performance.now();
const results = [];
for (const scenario of selected) {
  process.stdout.write(`▶ ${scenario.title} … `);
  const t0 = performance.now();
  const result = { id: scenario.id, title: scenario.title };
  try {
    Object.assign(result, await scenario.run({ sizes }));
  } catch (error) {
    await stopAll();
    Object.assign(result, { figures: [failedFigure(error)], error: String(error?.stack ?? error) });
  }
  result.durationS = seconds(performance.now() - t0);
  results.push(result);
  const missed = result.figures.filter((f) => f.ok === false).length;
  console.log(`${result.durationS} s${result.error ? ', FAILED: ' + result.figures[0].reference : missed ? `, ${missed} ✗` : ''}`);
}

const report = { machine, quick: sizes.quick, sizes, build, durationS: seconds(performance.now() - startedAt), scenarios: results };
mkdirSync(join(OUTPUT, '..'), { recursive: true });
writeFileSync(`${OUTPUT}.tmp`, JSON.stringify(report, null, 2) + '\n');
renameSync(`${OUTPUT}.tmp`, OUTPUT);

const figures = results.flatMap((r) => r.figures);
const missed = figures.filter((f) => f.ok === false).length;
const targets = figures.filter((f) => f.ok !== null).length;
console.log(`\n${resultsTable(results)}\n`);
console.log(`${targets - missed} of ${targets} targets met${missed ? `, ${missed} missed (✗)` : ''}. ${report.durationS} s in all. Written to ${OUTPUT}`);
// Missed targets are findings, not failures; only a scenario that could not run fails the command.
process.exitCode = results.some((r) => r.error) ? 1 : 0;

function pickScenarios(only) {
  if (!only) return ALL;
  const ids = only.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !ALL.some((s) => s.id === id));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown scenario ${unknown.join(', ')}; choose from ${ALL.map((s) => s.id).join(', ')}`);
  return ALL.filter((s) => ids.includes(s.id));
}

function seconds(ms) {
  return Math.round(ms / 100) / 10;
}
