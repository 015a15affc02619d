import { z } from '@/lib/zod';
import { answerMetadataSchema, rillErrorSchema } from '@/lib/protocol/schemas';
import { attachmentSchema, chatSettingsSchema } from './request-schema';
import type { ChatMessage } from './types';

/** A conversation as stored and exported: validated whenever it comes from outside (an imported file). */
export const chatMessageRecordSchema: z.ZodType<ChatMessage> = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  // Milliseconds since the epoch, as Date.now() gives them: whole numbers.
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative().optional(),
  status: z.enum(['streaming', 'done', 'stopped', 'error']).optional(),
  reasoning: z.string().optional(),
  error: rillErrorSchema.optional(),
  metadata: answerMetadataSchema.optional(),
  attachments: z.array(attachmentSchema).max(100).optional(),
  // Each other version holds the messages after it, which may have versions of their own.
  get versions() {
    return z.object({ others: z.array(z.array(chatMessageRecordSchema).min(1)).max(100), index: z.number().int().nonnegative() }).optional();
  },
});

export const conversationSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  messages: z.array(chatMessageRecordSchema),
  settings: chatSettingsSchema,
});
