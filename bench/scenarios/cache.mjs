// Scenario 4: repeated and simultaneous identical requests. A temperature-0 request asked
// twice should be answered the second time from the response cache; N identical requests
// in flight at once should share one upstream call. Upstream calls are counted in the
// fake upstream's own request log, so the figure is what the model provider would bill.

import { figure } from '../lib/figures.mjs';
import { nonce, promptFor } from '../lib/prompts.mjs';
import { withServers } from '../lib/servers.mjs';
import { median, round } from '../lib/stats.mjs';
import { concurrentStreams, keepAliveAgent, routes, streamOnce } from '../lib/stream-client.mjs';

/** Long enough that a miss takes visibly longer than the pace of one token. */
const ANSWER_TOKENS = 30;

export const cacheAndCoalescing = {
  id: 'cache',
  title: 'Cache and coalescing',
  async run({ sizes }) {
    const { repeats, concurrency } = sizes.cache;
    return withServers({ paceMs: sizes.paceMs }, async ({ upstream, app }) => {
      const agent = keepAliveAgent(Math.max(...concurrency));
      const ask = (text) => ({ agent, origin: app.origin, route: routes.rill, body: routes.rill.body(text, { temperature: 0 }) });
      const fresh = (s) => !s.error && s.tokens === ANSWER_TOKENS;
      // A cached or joined answer may arrive in fewer, larger text deltas than a fresh one.
      const answered = (s) => !s.error && s.tokens > 0;
      await concurrentStreams(5, () => ask(promptFor(ANSWER_TOKENS)));

      const misses = [];
      const hits = [];
      const repeatCalls = [];
      for (let i = 0; i < repeats; i++) {
        const tag = nonce('cache');
        const text = promptFor(ANSWER_TOKENS, { tag });
        const miss = await streamOnce(ask(text));
        const hit = await streamOnce(ask(text));
        if (!fresh(miss) || !answered(hit)) throw new Error(`a cache request did not complete: ${miss.error ?? hit.error ?? 'missing tokens'}`);
        misses.push(miss.endedAt - miss.startedAt);
        hits.push(hit.endedAt - hit.startedAt);
        repeatCalls.push((await upstream.requests(tag)).length);
      }
      const missMs = median(misses);
      const hitMs = median(hits);
      const figures = [
        figure({ name: 'cache hit speed-up', value: missMs / hitMs, unit: '×', reference: `miss ${round(missMs)} ms, hit ${round(hitMs)} ms (median of ${repeats})`, target: { op: '>=', limit: 20 } }),
      ];

      const coalescing = [];
      for (const n of concurrency) {
        const tag = nonce('coalesce');
        const results = await concurrentStreams(n, () => ask(promptFor(ANSWER_TOKENS, { tag })));
        const calls = (await upstream.requests(tag)).length;
        const completed = results.filter(answered).length;
        coalescing.push({ n, calls, completed });
        figures.push(figure({ name: `upstream calls for ${n} identical`, value: calls, digits: 0, reference: `${completed}/${n} answers complete`, target: { op: '<=', limit: 1 } }));
      }
      return { figures, details: { answerTokens: ANSWER_TOKENS, paceMs: sizes.paceMs, missesMs: misses.map((ms) => round(ms)), hitsMs: hits.map((ms) => round(ms)), repeatCalls, coalescing } };
    });
  },
};
