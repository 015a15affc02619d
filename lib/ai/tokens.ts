import type { ModelMessage } from 'ai';
import { countTokens as countO200kTokens } from 'gpt-tokenizer';

/**
 * Token counts with a real BPE tokenizer (o200k_base, what current OpenAI models use). For other
 * model families it is a close estimate, which is what budgets need: a character-based guess is
 * off by 2-4x for code and for languages outside Latin script.
 */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200kTokens(text);
}

/** The text of a prompt (instructions and messages), counted: what a provider bills as input, near enough. */
export function countPromptTokens(instructions: string | undefined, messages: readonly ModelMessage[]): number {
  let total = countTokens(instructions ?? '');
  for (const message of messages) {
    if (typeof message.content === 'string') total += countTokens(message.content);
    else for (const part of message.content) if (part.type === 'text') total += countTokens(part.text);
  }
  return total;
}
