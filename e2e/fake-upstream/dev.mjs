// `npm run dev:fake`: `next dev` wired to the fake upstream, so streaming and
// failure handling can be tried by hand without a real model or API key.
// Extra arguments go to `next dev` (e.g. `npm run dev:fake -- --port 3001`).

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeUpstream } from './server.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const upstream = await startFakeUpstream({
  port: Number(process.env.FAKE_UPSTREAM_PORT ?? 0),
  defaultPaceMs: process.env.FAKE_UPSTREAM_PACE_MS ? Number(process.env.FAKE_UPSTREAM_PACE_MS) : undefined,
});

console.log(`
fake upstream listening on ${upstream.url}   (request log: ${upstream.url.replace(/\/v1$/, '')}/__log)

Type these anywhere in a chat message to make the next answer misbehave:
  [[429]] [[429 retry=N]]   rate limited, retry-after N seconds (default 1)
  [[401]] [[404]] [[500]]   bad key / unknown model / server error
  [[fail-once 429|500]]     first send of this exact message fails, a resend works
  [[stream-error 401]]      HTTP 200, then the error as an event inside the stream (401/404/429/500)
  [[no-finish]]             the stream ends without a finish_reason
  [[cut N]]                 drop the connection after N tokens
  [[slow MS]]               wait MS before the first token
  [[stall-headers MS]]      accept the request, then send nothing at all (not even headers) for MS
  [[hold N]]                stop after N tokens until POST /__release?contains=TEXT (repeatable)
  [[pace MS]]               MS between tokens (default ${process.env.FAKE_UPSTREAM_PACE_MS || 12})
  [[long N]]                append N filler tokens
  [[think N]]               N tokens of reasoning in <think> tags before the answer
  [[markdown]]              answer with a markdown sample (heading, list, code, table)
  [[bench-markdown N]]      N tokens of varied markdown ([[bench-plain N]]: plain paragraphs)
  [[reply TEXT]]            answer exactly TEXT
`);

const child = spawn(join(repoRoot, 'node_modules', '.bin', 'next'), ['dev', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    OPENAI_BASE_URL: upstream.url,
    OPENAI_API_KEY: 'fake-key',
    OPENAI_MODEL: 'fake-small',
  },
});

let exiting = false;
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  await upstream.close();
  process.exit(code);
}

child.on('exit', (code, signal) => shutdown(code ?? (signal ? 1 : 0)));
child.on('error', (err) => {
  console.error(`could not start next dev: ${err.message}`);
  shutdown(1);
});

// Ctrl-C already reaches next (same process group); forwarding covers a plain
// `kill <pid>` of this script. We exit once next has, so its output isn't cut off.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    else shutdown(0);
  });
}
// Last resort if this process dies some other way: never leave next running.
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});
