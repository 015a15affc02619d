import { z } from '@/lib/zod';
import { answerMetadataSchema, rillErrorSchema } from '@/lib/protocol/schemas';
import { chatSettingsSchema } from './request-schema';

/** A conversation as stored and exported: validated whenever it comes from outside (an imported file). */
export const chatMessageRecordSchema = z.object({
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
});

export const conversationSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  messages: z.array(chatMessageRecordSchema),
  settings: chatSettingsSchema,
});
