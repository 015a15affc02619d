import { countTokens } from './tokens';

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

export interface HistoryMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface FitOptions {
  /** Most input tokens the request may use: system prompt and messages together. */
  budgetTokens: number;
  /** The system prompt: always sent, so it is charged against the budget first. */
  system?: string;
  count?: (text: string) => number;
  /**
   * A cheap count that is never below `count`'s, for a history that fits without counting. For the
   * default tokenizer that is the UTF-8 length: a byte-level BPE token covers at least one byte.
   */
  atMost?: (text: string) => number;
}

export interface FittedHistory<M> {
  messages: M[];
  /** How many of the oldest messages were left out. */
  droppedMessages: number;
  /** Input tokens of what is sent (system prompt included); an upper bound when the history fit without counting. */
  inputTokens: number;
}

/**
 * Chat Completions wraps every message in a few tokens of framing (role markers, separators); the
 * exact number varies by model, and 4 is OpenAI's published figure.
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * Leaves out the oldest turns until the history fits `budgetTokens`. The system prompt and the
 * newest message are always kept, even if they alone are over budget (the provider then says so),
 * and a cut never starts on an assistant message: an answer without its question misleads the model.
 */
export function fitHistoryToBudget<M extends HistoryMessage>(messages: M[], { budgetTokens, system, count = countTokens, atMost = count === countTokens ? utf8Length : undefined }: FitOptions): FittedHistory<M> {
  // Most requests fit with room to spare: then the history is not tokenised at all.
  if (atMost) {
    let bound = system ? atMost(system) + MESSAGE_OVERHEAD_TOKENS : 0;
    for (const message of messages) bound += atMost(message.content) + MESSAGE_OVERHEAD_TOKENS;
    if (bound <= budgetTokens) return { messages, droppedMessages: 0, inputTokens: bound };
  }
  const cost = (message: M) => count(message.content) + MESSAGE_OVERHEAD_TOKENS;
  const systemTokens = system ? count(system) + MESSAGE_OVERHEAD_TOKENS : 0;
  if (messages.length === 0) return { messages, droppedMessages: 0, inputTokens: systemTokens };

  let used = systemTokens + cost(messages[messages.length - 1]!);
  let start = messages.length - 1;
  while (start > 0) {
    const next = used + cost(messages[start - 1]!);
    if (next > budgetTokens) break;
    used = next;
    start--;
  }
  // Step forward past answers whose question was cut.
  while (start < messages.length - 1 && messages[start]!.role === 'assistant') {
    used -= cost(messages[start]!);
    start++;
  }
  return { messages: start === 0 ? messages : messages.slice(start), droppedMessages: start, inputTokens: used };
}
