// `node bench/profile.mjs`: where the app server's CPU goes while it proxies streams.
// Runs PROFILE_STREAMS concurrent streams of PROFILE_TOKENS tokens through /api/chat
// under the V8 sampling profiler, writes the .cpuprofile (open it in Chrome DevTools)
// and prints the functions and files with the most self time.

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from './lib/build.mjs';
import { connectInspector } from './lib/inspector.mjs';
import { ports } from './lib/ports.mjs';
import { promptFor } from './lib/prompts.mjs';
import { withServers } from './lib/servers.mjs';
import { sizes } from './lib/sizes.mjs';
import { concurrentStreams, keepAliveAgent, routes } from './lib/stream-client.mjs';

const streams = Number(process.env.PROFILE_STREAMS ?? 100);
const tokens = Number(process.env.PROFILE_TOKENS ?? 200);
const output = process.env.PROFILE_OUT ?? join(tmpdir(), `rill-app-${Date.now()}.cpuprofile`);
const TOP = 25;

ensureBuild();
await withServers({ paceMs: sizes.paceMs, appNodeArgs: [`--inspect=127.0.0.1:${ports.inspector}`] }, async ({ app }) => {
  const agent = keepAliveAgent(streams);
  const batch = () => concurrentStreams(streams, () => ({ agent, origin: app.origin, route: routes.rill, body: routes.rill.body(promptFor(tokens)) }));
  await batch();
  const inspector = await connectInspector(ports.inspector);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.start');
    const results = await batch();
    const { profile } = await inspector.send('Profiler.stop');
    writeFileSync(output, JSON.stringify(profile));
    const streamed = results.reduce((total, s) => total + s.tokens, 0);
    console.log(`${streams} streams × ${tokens} tokens (${streamed} streamed). Profile: ${output}\n`);
    printSelfTime(profile);
  } finally {
    inspector.close();
  }
});

function printSelfTime(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const file = url.replace(/^.*\/(node_modules\/(?:@[^/]+\/)?[^/]+|\.next\/server\/[^/]+)\/.*?([^/]+)$/, '$1/…/$2') || '(native)';
    const fn = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const top = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(`Self time by function (of ${(total / 1e6).toFixed(2)} s sampled):\n${top(byFunction)}\n\nSelf time by file:\n${top(byFile)}`);
}
