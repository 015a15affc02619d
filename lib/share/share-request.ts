import { z } from '@/lib/zod';
import { conversationSchema } from '@/lib/chat/conversation-schema';
import { SHARE_EXPIRY_DAYS } from './share-link';

/** POST /api/shares: the conversation as it is on screen, whether its settings go with it, and how long the link stays open (none: until revoked). */
export const createShareSchema = z.object({
  conversation: conversationSchema,
  includeSettings: z.boolean(),
  expiresInDays: z.literal(SHARE_EXPIRY_DAYS, { error: `expiresInDays must be one of ${SHARE_EXPIRY_DAYS.join(', ')}, or left out for a link that never expires.` }).optional(),
});

export type CreateShareRequest = z.infer<typeof createShareSchema>;
