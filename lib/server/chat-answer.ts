import 'server-only';
import type { ModelMessage } from 'ai';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { inputTokenBudget } from '@/lib/ai/context-budget';
import { fitHistoryToBudget } from '@/lib/ai/context-window';
import { serverModels } from '@/lib/ai/provider';
import { textOf, type ChatRequest } from './chat-schema';

export const DEFAULT_SYSTEM_PROMPT = 'You are Rill, a helpful assistant. Answer clearly; use Markdown where it helps.';

type ChatModelMessage = Extract<ModelMessage, { role: 'user' | 'assistant' }> & { role: 'user' | 'assistant'; content: string };

/** Every earlier turn goes to the model in full, complete earlier answers included, while it fits. */
export function toModelMessages(messages: ChatRequest['messages']): ChatModelMessage[] {
  return messages.map((message) => ({ role: message.role, content: textOf(message) }));
}

export function chatAnswerStream(request: ChatRequest, abortSignal: AbortSignal) {
  const { resolve } = serverModels();
  const model = resolve(request.model);
  const instructions = request.system?.trim() || DEFAULT_SYSTEM_PROMPT;
  const fitted = fitHistoryToBudget(toModelMessages(request.messages), {
    budgetTokens: inputTokenBudget(model.modelId, { maxOutputTokens: request.maxOutputTokens }),
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
