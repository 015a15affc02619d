// Scenario 8: the sidebar's search over 1,000 conversations, in Node (pure: no build, no server).
// The index (lib/chat/conversation-search.ts) against what it replaced: a case-insensitive substring
// scan of every title and message on every keystroke, timed on the same queries in the same run.

import { conversationsFixture, queriesFixture } from '../lib/conversations-fixture.mjs';
import { figure } from '../lib/figures.mjs';
import { median, percentile, round, sum } from '../lib/stats.mjs';
import { importTypeScript } from '../lib/typescript-module.mjs';

/** A search that answers within a frame keeps up with typing. */
const FRAME_MS = 16;
/** The page's slice (components/chat/use-conversation-search.ts), and the browser's long task. */
const SLICE_MS = 8;
const LONG_TASK_MS = 50;

export const search = {
  id: 'search',
  title: 'Search',
  usesBuild: false,
  async run({ sizes }) {
    const { conversations: count, messages, queries: queryCount } = sizes.search;
    const { ConversationSearch } = await importTypeScript('lib/chat/conversation-search.ts');
    const conversations = conversationsFixture(count, messages);
    const messageCount = Object.values(conversations).reduce((total, c) => total + c.messages.length, 0);
    const queries = queriesFixture(queryCount);

    const atOnce = timed(() => new ConversationSearch().catchUp(conversations));
    // As the page builds it: slices between frames, until it is in step.
    const index = new ConversationSearch();
    const slices = [];
    for (let done = false; !done; ) slices.push(timed(() => (done = index.catchUp(conversations, SLICE_MS))));

    let found = 0;
    const indexed = queries.map((query) => timed(() => (found += index.search(conversations, query).ids.length)));
    const scanned = queries.map((query) => timed(() => substringScan(conversations, query)));

    // As a streamed token does: one message of one conversation grows, and the same query runs again.
    let current = conversations;
    const updates = Array.from({ length: 50 }, (_, i) => {
      const id = `c${i % count}`;
      const conversation = current[id];
      const last = conversation.messages.at(-1);
      current = { ...current, [id]: { ...conversation, messages: [...conversation.messages.slice(0, -1), { ...last, text: `${last.text} more` }] } };
      return timed(() => index.search(current, queries[1]));
    });

    const queryMs = median(indexed);
    const scanMs = median(scanned);
    return {
      figures: [
        figure({ name: `index build: longest ${SLICE_MS} ms slice`, value: Math.max(...slices), unit: 'ms', digits: 1, reference: `${slices.length} slices, ${round(sum(slices), 0)} ms in all (${round(atOnce, 0)} ms at once); ${count} conversations, ${messageCount} messages`, target: { op: '<=', limit: LONG_TASK_MS } }),
        figure({ name: 'query median', value: queryMs, unit: 'ms', digits: 2, reference: `p95 ${round(percentile(indexed, 95), 2)} ms, ${queryCount} queries of 1–2 words, ${round(found / queryCount, 0)} hits each`, target: { op: '<=', limit: FRAME_MS } }),
        figure({ name: 'query vs substring scan', value: queryMs / scanMs, unit: '×', digits: 2, reference: `${round(queryMs, 2)} vs ${round(scanMs, 2)} ms, median`, target: { op: '<=', limit: 1 } }),
        figure({ name: 'one message changed, then query', value: median(updates), unit: 'ms', digits: 2, reference: `p95 ${round(percentile(updates, 95), 2)} ms, median of ${updates.length}`, target: { op: '<=', limit: FRAME_MS } }),
      ],
      details: { conversations: count, messages: messageCount, queries: queryCount, buildAtOnceMs: round(atOnce), slices: slices.length, queryMs: round(queryMs, 3), scanMs: round(scanMs, 3) },
    };
  },
};

function timed(work) {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The search the index replaced (conversation-list.ts before it): substring of every text, every time. */
function substringScan(conversations, query) {
  const needle = query.trim().toLocaleLowerCase();
  return Object.values(conversations)
    .filter((c) => c.title.toLocaleLowerCase().includes(needle) || c.messages.some((m) => m.text.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt)
    .map((c) => c.id);
}
