import 'server-only';
import type { ModelMessage } from 'ai';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { serverModels } from '@/lib/ai/provider';
import { textOf, type ChatRequest } from './chat-schema';

export const DEFAULT_SYSTEM_PROMPT = 'You are Rill, a helpful assistant. Answer clearly; use Markdown where it helps.';

/** The whole conversation goes to the model on every turn: complete earlier answers included. */
export function toModelMessages(messages: ChatRequest['messages']): ModelMessage[] {
  return messages.map((message) => ({ role: message.role, content: textOf(message) }));
}

export function chatAnswerStream(request: ChatRequest, abortSignal: AbortSignal) {
  const { resolve } = serverModels();
  return streamAnswer({
    model: resolve(request.model),
    instructions: request.system?.trim() || DEFAULT_SYSTEM_PROMPT,
    messages: toModelMessages(request.messages),
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
    abortSignal,
  });
}
