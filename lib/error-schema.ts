import { z } from 'zod';
import { rillErrorCodes, type RillError } from './errors';

/** A RillError as zod sees it, for validating data that embeds one (imported files, room snapshots). */
export const rillErrorSchema: z.ZodType<RillError> = z.object({
  code: z.enum(rillErrorCodes),
  message: z.string(),
  retryAfter: z.number().nonnegative().optional(),
});
