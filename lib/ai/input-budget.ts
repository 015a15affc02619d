import type { ChatConfig } from '@/lib/config';

/**
 * How many input tokens one chat request may use. Configured, not discovered: a budget well under
 * a model's context window keeps cost and latency in check. A known model's context window, less
 * the answer's room, is a ceiling either way.
 */

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

export function inputTokenBudget(modelId: string, chat: ChatConfig, { maxOutputTokens = 0 }: { maxOutputTokens?: number } = {}): number {
  const configured = chat.modelInputTokenBudgets[modelId] ?? chat.inputTokenBudget;
  const window = KNOWN_CONTEXT_WINDOWS.find(([prefix]) => modelId.startsWith(prefix))?.[1];
  return window === undefined ? configured : Math.min(configured, window - maxOutputTokens);
}
