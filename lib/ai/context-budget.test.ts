import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_TOKEN_BUDGET, inputTokenBudget } from './context-budget';

describe('inputTokenBudget', () => {
  it('defaults when nothing is configured', () => {
    expect(inputTokenBudget('llama3.2', { env: {} })).toBe(DEFAULT_INPUT_TOKEN_BUDGET);
  });

  it('reads the global budget, and a per-model one before it', () => {
    const env = { CHAT_INPUT_TOKEN_BUDGET: '20000', CHAT_MODEL_INPUT_TOKEN_BUDGETS: 'fake-small:300, qwen2.5:7b:5000' };
    expect(inputTokenBudget('fake-large', { env })).toBe(20_000);
    expect(inputTokenBudget('fake-small', { env })).toBe(300);
    expect(inputTokenBudget('qwen2.5:7b', { env })).toBe(5_000);
  });

  it('ignores unreadable values', () => {
    expect(inputTokenBudget('m', { env: { CHAT_INPUT_TOKEN_BUDGET: 'lots', CHAT_MODEL_INPUT_TOKEN_BUDGETS: 'm:-3,broken' } })).toBe(DEFAULT_INPUT_TOKEN_BUDGET);
  });

  it('never exceeds a known context window less the room for the answer', () => {
    const env = { CHAT_INPUT_TOKEN_BUDGET: '1000000' };
    expect(inputTokenBudget('gpt-4o-mini', { env, maxOutputTokens: 4_000 })).toBe(124_000);
  });
});
