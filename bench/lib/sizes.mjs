// How big each scenario runs. The full sizes fit about five minutes on 2 idle cores;
// BENCH_QUICK=1 shrinks everything to a smoke run of about a minute, and any single
// size can be set on its own (e.g. BENCH_SCALE_STREAMS=500).

const quick = process.env.BENCH_QUICK === '1';

function int(name, full, smoke) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return quick ? smoke : full;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function list(name, full, smoke) {
  const raw = process.env[name];
  if (!raw) return quick ? smoke : full;
  return raw.split(',').map((part) => {
    const value = Number(part);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must list whole numbers, got "${raw}"`);
    return value;
  });
}

export const sizes = {
  quick,
  /** Milliseconds between tokens from the fake upstream in the proxy, scale and cache scenarios. */
  paceMs: int('BENCH_PACE_MS', 10, 10),
  proxy: {
    concurrency: list('BENCH_PROXY_CONCURRENCY', [1, 10, 100], [1, 10, 100]),
    tokens: int('BENCH_PROXY_TOKENS', 30, 20),
    /** A longer answer at the highest concurrency, so fixed per-request costs and per-token costs can be told apart. */
    longTokens: int('BENCH_PROXY_LONG_TOKENS', 200, 100),
    /** At least this many streams per concurrency level and path, in at least minRounds batches. */
    minStreams: int('BENCH_PROXY_MIN_STREAMS', 50, 20),
    minRounds: int('BENCH_PROXY_MIN_ROUNDS', 3, 2),
  },
  scale: {
    streams: int('BENCH_SCALE_STREAMS', 1000, 200),
    tokens: int('BENCH_SCALE_TOKENS', 60, 30),
    paceMs: int('BENCH_SCALE_PACE_MS', 100, 100),
  },
  render: {
    tokens: int('BENCH_RENDER_TOKENS', 10_000, 1_500),
    paceMs: int('BENCH_RENDER_PACE_MS', 2, 2),
    /** The stored conversation opened and scrolled through. */
    conversationMessages: int('BENCH_CONVERSATION_MESSAGES', 500, 100),
  },
  cache: {
    repeats: int('BENCH_CACHE_REPEATS', 5, 3),
    concurrency: list('BENCH_COALESCE_N', [10, 100], [10, 100]),
  },
  soak: {
    streams: int('BENCH_SOAK_STREAMS', 5_000, 300),
    tokens: int('BENCH_SOAK_TOKENS', 20, 20),
    /** Streams in flight at a time: a few keep both cores busy, so the soak takes seconds, not minutes. */
    concurrency: int('BENCH_SOAK_CONCURRENCY', 4, 4),
  },
  translate: {
    /** Translations timed from their last keystroke; the figure is their median. */
    rounds: int('BENCH_TRANSLATE_ROUNDS', 15, 5),
  },
  voice: {
    /** Mints through Rill and straight from the fake provider, alternately; the figure is the difference of their medians. */
    rounds: int('BENCH_VOICE_ROUNDS', 200, 40),
  },
  search: {
    conversations: int('BENCH_SEARCH_CONVERSATIONS', 1_000, 1_000),
    /** About this many per conversation (two either side). */
    messages: int('BENCH_SEARCH_MESSAGES', 20, 20),
    queries: int('BENCH_SEARCH_QUERIES', 300, 50),
  },
};
