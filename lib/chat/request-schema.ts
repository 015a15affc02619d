import { z } from '@/lib/zod';
import type { Attachment } from './types';
import { MAX_MODEL_ID_CHARS, MAX_OUTPUT_TOKENS, MAX_SYSTEM_PROMPT_CHARS, MAX_TEMPERATURE } from './limits';

export const MAX_MESSAGE_CHARS = 100_000;
export const MAX_MESSAGES = 500;

const textPart = z.object({ type: z.literal('text'), text: z.string().max(MAX_MESSAGE_CHARS, `A message may hold at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`) });

export const attachmentSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  kind: z.enum(['image', 'text']),
});

/** A file sent with a message, by reference: the server reads its body from the requester's files (lib/attachments). */
const attachmentPart = attachmentSchema.extend({ type: z.literal('attachment') });

// Parts the AI SDK's own clients add around text; they carry nothing Rill sends to the model.
const ignoredPart = z.object({ type: z.enum(['step-start', 'reasoning', 'source-url', 'source-document']) }).loose();

/** A message as the chat route receives it (AI SDK UIMessage shape); stored messages are `ChatMessage` in types.ts. */
export const chatRequestMessageSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['user', 'assistant']),
  parts: z.array(z.union([textPart, attachmentPart, ignoredPart])).max(100),
});

export const chatSettingsSchema = z.object({
  model: z.string().trim().min(1).max(MAX_MODEL_ID_CHARS).optional(),
  system: z.string().max(MAX_SYSTEM_PROMPT_CHARS).optional(),
  temperature: z.number().min(0).max(MAX_TEMPERATURE).optional(),
  maxOutputTokens: z.number().int().min(1).max(MAX_OUTPUT_TOKENS).optional(),
});

/**
 * Where the server keeps the answer as it streams (lib/history): the answer message the browser made
 * for it, and what the conversation needs should the server not have it yet.
 */
export const answerSaveSchema = z.object({
  answerId: z.string().min(1).max(200),
  title: z.string().max(500),
  conversationCreatedAt: z.number().int().nonnegative(),
  answerCreatedAt: z.number().int().nonnegative(),
});

export const chatRequestSchema = chatSettingsSchema.extend({
  id: z.string().max(200).optional(),
  save: answerSaveSchema.optional(),
  messages: z
    .array(chatRequestMessageSchema)
    .min(1, 'Send at least one message.')
    .max(MAX_MESSAGES)
    .refine((messages) => messages.at(-1)?.role === 'user', 'The last message must be a user message.'),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ChatRequestMessage = z.infer<typeof chatRequestMessageSchema>;

/** The files a message carries, as the message keeps them. */
export function attachmentsOf(message: ChatRequestMessage): Attachment[] {
  return message.parts.flatMap((part) => (part.type === 'attachment' && 'kind' in part ? [{ id: part.id, name: part.name, mediaType: part.mediaType, size: part.size, kind: part.kind }] : []));
}

export function textOf(message: ChatRequestMessage): string {
  return message.parts.map((part) => (part.type === 'text' && 'text' in part ? part.text : '')).join('');
}
