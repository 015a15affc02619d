import { z } from '@/lib/zod';
import { isRillError, type RillError } from '@/lib/errors';
import { readMetadata, type AnswerMetadata } from './metadata';

/**
 * The protocol's types as zod sees them, for validating data that embeds them (imported
 * conversations, room snapshots). They reuse the hand-written checks, so each shape is defined once.
 */
export const rillErrorSchema = z.custom<RillError>(isRillError, { message: 'Not an error with a known code and a message.' });

export const answerMetadataSchema: z.ZodType<AnswerMetadata> = z
  .custom<AnswerMetadata>((value) => readMetadata(value) !== undefined, { message: 'Answer metadata must be an object.' })
  .transform((value) => readMetadata(value)!);
