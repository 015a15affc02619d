import { countTokens as countO200kTokens } from 'gpt-tokenizer';

/**
 * Token counts with a real BPE tokenizer (o200k_base, what current OpenAI models use). For other
 * model families it is a close estimate, which is what budgets need: a character-based guess is
 * off by 2-4x for code and for languages outside Latin script.
 */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200kTokens(text);
}
