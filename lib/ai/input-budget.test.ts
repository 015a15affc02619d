import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config';
import { inputTokenBudget } from './input-budget';

const chat = (env: Record<string, string>) => readConfig(env).chat;

describe('inputTokenBudget', () => {
  it('defaults when nothing is configured', () => {
    expect(inputTokenBudget('llama3.2', chat({}))).toBe(8_000);
  });

  it('reads the global budget, and a per-model one before it', () => {
    const config = chat({ CHAT_INPUT_TOKEN_BUDGET: '20000', CHAT_MODEL_INPUT_TOKEN_BUDGETS: 'fake-small:300, qwen2.5:7b:5000' });
    expect(inputTokenBudget('fake-large', config)).toBe(20_000);
    expect(inputTokenBudget('fake-small', config)).toBe(300);
    expect(inputTokenBudget('qwen2.5:7b', config)).toBe(5_000);
  });

  it('never exceeds a known context window less the room for the answer', () => {
    expect(inputTokenBudget('gpt-4o-mini', chat({ CHAT_INPUT_TOKEN_BUDGET: '1000000' }), { maxOutputTokens: 4_000 })).toBe(124_000);
  });
});
