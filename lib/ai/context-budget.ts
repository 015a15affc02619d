/**
 * How many input tokens one chat request may use. Configured, not discovered: a budget well under
 * a model's context window keeps cost and latency in check. `CHAT_INPUT_TOKEN_BUDGET` sets it for
 * every model, `CHAT_MODEL_INPUT_TOKEN_BUDGETS` (e.g. `gpt-4o:60000,llama3.2:6000`) per model; a
 * known model's context window, less the answer's room, is a ceiling either way.
 */
export const DEFAULT_INPUT_TOKEN_BUDGET = 8_000;

/** Context windows of common models, in tokens (prefix match, longest first). */
const KNOWN_CONTEXT_WINDOWS: [prefix: string, tokens: number][] = [
  ['gpt-4.1', 1_047_576],
  ['gpt-4o', 128_000],
  ['gpt-4-turbo', 128_000],
  ['gpt-3.5-turbo', 16_385],
  ['o4-mini', 200_000],
  ['o3', 200_000],
  ['o1', 200_000],
];

type Env = Record<string, string | undefined>;

export function inputTokenBudget(modelId: string, { maxOutputTokens = 0, env = process.env }: { maxOutputTokens?: number; env?: Env } = {}): number {
  const configured = perModelBudgets(env.CHAT_MODEL_INPUT_TOKEN_BUDGETS).get(modelId) ?? positiveInt(env.CHAT_INPUT_TOKEN_BUDGET) ?? DEFAULT_INPUT_TOKEN_BUDGET;
  const window = KNOWN_CONTEXT_WINDOWS.find(([prefix]) => modelId.startsWith(prefix))?.[1];
  return window === undefined ? configured : Math.min(configured, window - maxOutputTokens);
}

function perModelBudgets(raw: string | undefined): Map<string, number> {
  const budgets = new Map<string, number>();
  for (const entry of raw?.split(',') ?? []) {
    const separator = entry.lastIndexOf(':');
    const budget = positiveInt(entry.slice(separator + 1));
    if (separator > 0 && budget !== undefined) budgets.set(entry.slice(0, separator).trim(), budget);
  }
  return budgets;
}

function positiveInt(raw: string | undefined): number | undefined {
  const value = Number(raw?.trim());
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
