import 'server-only';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { fitHistoryToBudget } from '@/lib/ai/context-window';
import { inputTokenBudget } from '@/lib/ai/input-budget';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/ai/prompts';
import { resolveModel } from '@/lib/ai/provider';
import { rillConfig } from '@/lib/config';
import { textOf, type ChatRequest } from '../request-schema';

/** Every earlier turn goes to the model in full, complete earlier answers included, while it fits. */
export function toModelMessages(messages: ChatRequest['messages']) {
  return messages.map((message) => ({ role: message.role, content: textOf(message) }));
}

/** A chat answer: the conversation, trimmed from its oldest turns to the input budget, to the model it names. */
export function chatAnswer(request: ChatRequest, abortSignal: AbortSignal) {
  const model = resolveModel(request.model);
  const instructions = request.system?.trim() || DEFAULT_SYSTEM_PROMPT;
  const fitted = fitHistoryToBudget(toModelMessages(request.messages), {
    budgetTokens: inputTokenBudget(model.modelId, rillConfig().chat, { maxOutputTokens: request.maxOutputTokens }),
    system: instructions,
  });
  return streamAnswer({
    model,
    instructions,
    messages: fitted.messages,
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
    abortSignal,
    metadata: fitted.droppedMessages > 0 ? { trimmedMessages: fitted.droppedMessages } : undefined,
  });
}

/** Only a temperature-0 answer is the same every time; ids are left out, the conversation's text counts. */
export function chatCacheKey({ model, system, temperature, maxOutputTokens, messages }: ChatRequest) {
  return temperature === 0 ? { model, system, maxOutputTokens, messages: toModelMessages(messages) } : undefined;
}
