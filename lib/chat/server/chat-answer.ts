import 'server-only';
import type { FilePart, ModelMessage } from 'ai';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { fitHistoryToBudget } from '@/lib/ai/context-window';
import { inputTokenBudget } from '@/lib/ai/input-budget';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/ai/prompts';
import { resolveModel } from '@/lib/ai/provider';
import { rillConfig } from '@/lib/config';
import { attachmentsOf, textOf, type ChatRequest } from '../request-schema';

/** One turn on its way to the model: its text (with its files' text), which the input budget counts, and its images. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  images: FilePart[];
}

/**
 * A chat request made ready to answer: each of its messages as the turn the model gets, files read
 * (lib/attachments/server/chat-files.ts, the route's `prepare`).
 */
export type ChatToAnswer = ChatRequest & { turns: ChatTurn[] };

/** The turn as the AI SDK takes it: plain text when it has no images. */
export function toModelMessage({ role, content, images }: ChatTurn): ModelMessage {
  if (role === 'assistant' || images.length === 0) return { role, content };
  return { role, content: [...(content ? [{ type: 'text' as const, text: content }] : []), ...images] };
}

/** A chat answer: every earlier turn in full, trimmed from the oldest to the input budget, to the model it names. */
export function chatAnswer(request: ChatToAnswer, abortSignal: AbortSignal) {
  const model = resolveModel(request.model);
  const instructions = request.system?.trim() || DEFAULT_SYSTEM_PROMPT;
  const fitted = fitHistoryToBudget(request.turns, {
    budgetTokens: inputTokenBudget(model.modelId, rillConfig().chat, { maxOutputTokens: request.maxOutputTokens }),
    system: instructions,
  });
  return streamAnswer({
    model,
    instructions,
    messages: fitted.messages.map(toModelMessage),
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
    abortSignal,
    metadata: fitted.droppedMessages > 0 ? { trimmedMessages: fitted.droppedMessages } : undefined,
  });
}

/**
 * Only a temperature-0 answer is the same every time; ids are left out, the conversation's text
 * counts, and so does each file: an attachment's id is its content's hash, checked on upload.
 */
export function chatCacheKey({ model, system, temperature, maxOutputTokens, messages }: ChatRequest) {
  return temperature === 0
    ? { model, system, maxOutputTokens, messages: messages.map((message) => ({ role: message.role, text: textOf(message), files: attachmentsOf(message).map(({ id, name }) => ({ id, name })) })) }
    : undefined;
}
