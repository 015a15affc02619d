// What Rill adds to minting a voice session: POST /api/voice/sessions (admission, the hourly voice
// budget, the quota, the provider call) against the fake upstream's own POST
// /v1/realtime/client_secrets, asked alternately one at a time so both see the same machine load.

import { figure } from '../lib/figures.mjs';
import { withServers } from '../lib/servers.mjs';
import { median, percentile, round } from '../lib/stats.mjs';

/** Target from issue #19: minting adds at most this over the provider's own response time. */
const ADDED_P50_MS = 10;
const WARMUP = 20;

export const voiceMint = {
  id: 'voice',
  title: 'Voice session minting',
  async run({ sizes }) {
    const { rounds } = sizes.voice;
    // Every request comes from one address: the hourly voice budget would refuse most of them.
    return withServers({ paceMs: sizes.paceMs, appEnv: { RILL_VOICE_SESSIONS_PER_HOUR: '0' } }, async ({ upstream, app }) => {
      const viaRill = () =>
        timed(`${app.origin}/api/voice/sessions`, { 'content-type': 'application/json', origin: app.origin, 'sec-fetch-site': 'same-origin' }, JSON.stringify({ context: [{ role: 'user', text: 'Earlier question' }] }));
      const direct = () =>
        timed(`${upstream.origin}/v1/realtime/client_secrets`, { 'content-type': 'application/json', authorization: 'Bearer bench-fake-key' }, JSON.stringify({ expires_after: { anchor: 'created_at', seconds: 60 }, session: { type: 'realtime', model: 'gpt-realtime', instructions: 'x' } }));
      for (let i = 0; i < WARMUP; i++) await Promise.all([viaRill(), direct()]);
      const rill = [];
      const provider = [];
      for (let i = 0; i < rounds; i++) {
        // Alternating which goes first cancels out drift in the machine's load.
        if (i % 2 === 0) {
          rill.push(await viaRill());
          provider.push(await direct());
        } else {
          provider.push(await direct());
          rill.push(await viaRill());
        }
      }
      await upstream.clearLog();
      const added = median(rill) - median(provider);
      return {
        figures: [
          figure({ name: 'Voice: minting added p50', value: added, unit: 'ms', digits: 2, reference: `provider ${round(median(provider), 2)} ms, Rill ${round(median(rill), 2)} ms`, target: { op: '<=', limit: ADDED_P50_MS } }),
          figure({ name: 'Voice: minting added p99', value: percentile(rill, 99) - percentile(provider, 99), unit: 'ms', digits: 2, reference: `${rounds} mints each way` }),
        ],
        details: { rounds, rillMs: rill, providerMs: provider },
      };
    });
  },
};

async function timed(url, headers, body) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 201) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return ms;
}
