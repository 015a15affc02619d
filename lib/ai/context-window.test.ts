import { describe, expect, it } from 'vitest';
import { fitHistoryToBudget, MESSAGE_OVERHEAD_TOKENS, type HistoryMessage } from './context-window';

// One "token" per word keeps the arithmetic visible; the real tokenizer is tested below.
const words = (text: string) => (text ? text.split(' ').length : 0);
const msg = (role: HistoryMessage['role'], words: number, tag = ''): HistoryMessage => ({ role, content: [tag, ...Array(words - 1).fill('w')].join(' ') });
const cost = (n: number) => n + MESSAGE_OVERHEAD_TOKENS;

describe('fitHistoryToBudget', () => {
  it('keeps everything when the history fits', () => {
    const messages = [msg('user', 10), msg('assistant', 10), msg('user', 10)];
    const fitted = fitHistoryToBudget(messages, { budgetTokens: 1000, system: 'be brief', count: words });
    expect(fitted.messages).toBe(messages);
    expect(fitted.droppedMessages).toBe(0);
    expect(fitted.inputTokens).toBe(cost(2) + 3 * cost(10));
  });

  it('drops the oldest turns first and keeps the system prompt and newest message', () => {
    const messages = [msg('user', 50, 'u1'), msg('assistant', 50, 'a1'), msg('user', 50, 'u2'), msg('assistant', 50, 'a2'), msg('user', 50, 'u3')];
    const fitted = fitHistoryToBudget(messages, { budgetTokens: cost(5) + 3 * cost(50), system: 'one two three four five', count: words });
    expect(fitted.messages.map((m) => m.content.split(' ')[0])).toEqual(['u2', 'a2', 'u3']);
    expect(fitted.droppedMessages).toBe(2);
    expect(fitted.inputTokens).toBeLessThanOrEqual(cost(5) + 3 * cost(50));
  });

  it('never starts the kept history with an answer whose question was dropped', () => {
    const messages = [msg('user', 50, 'u1'), msg('assistant', 50, 'a1'), msg('user', 50, 'u2')];
    const fitted = fitHistoryToBudget(messages, { budgetTokens: 2 * cost(50), count: words });
    expect(fitted.messages.map((m) => m.content.split(' ')[0])).toEqual(['u2']);
    expect(fitted.droppedMessages).toBe(2);
    expect(fitted.inputTokens).toBe(cost(50));
  });

  it('keeps the newest message even when it alone is over budget', () => {
    const messages = [msg('user', 10), msg('assistant', 10), msg('user', 500, 'big')];
    const fitted = fitHistoryToBudget(messages, { budgetTokens: 100, system: 'sys', count: words });
    expect(fitted.messages).toEqual([messages[2]]);
    expect(fitted.droppedMessages).toBe(2);
  });

  it('handles an empty history', () => {
    expect(fitHistoryToBudget([], { budgetTokens: 10 })).toEqual({ messages: [], droppedMessages: 0, inputTokens: 0 });
  });

  it('counts with the real tokenizer by default', () => {
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    const messages = [msg('user', 1), { role: 'assistant' as const, content: long }, { role: 'user' as const, content: 'and now?' }];
    const fitted = fitHistoryToBudget(messages, { budgetTokens: 500 });
    expect(fitted.messages.map((m) => m.content)).toEqual(['and now?']);
    expect(fitted.inputTokens).toBeGreaterThan(MESSAGE_OVERHEAD_TOKENS);
    expect(fitted.inputTokens).toBeLessThan(20);
  });

  it('does not tokenise a history whose byte length already fits, and still trims one that does not', () => {
    let counted = 0;
    const count = (text: string) => {
      counted++;
      return text.length;
    };
    const short = [msg('user', 3), msg('assistant', 3), msg('user', 3)];
    expect(fitHistoryToBudget(short, { budgetTokens: 1_000, count, atMost: (text) => text.length }).messages).toBe(short);
    expect(counted).toBe(0);
    const long = [{ role: 'user' as const, content: 'x'.repeat(2_000) }, msg('user', 3)];
    expect(fitHistoryToBudget(long, { budgetTokens: 100, count, atMost: (text) => text.length }).droppedMessages).toBe(1);
    expect(counted).toBeGreaterThan(0);
  });
});
