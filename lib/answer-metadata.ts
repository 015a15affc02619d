import { z } from 'zod';

/** Facts about one answer that the server sends alongside its text (shown per message, and measured). */
export const answerMetadataSchema = z.object({
  model: z.string().optional(),
  /** Milliseconds from the request reaching the server to the first token. */
  ttftMs: z.number().optional(),
  durationMs: z.number().optional(),
  inputTokens: z.number().optional(),
  outputTokens: z.number().optional(),
  finishReason: z.string().optional(),
  /** Older turns left out to fit the model's input budget. */
  trimmedMessages: z.number().optional(),
  cached: z.boolean().optional(),
  /** Translation: the language code the model found the source text to be in (source 'auto'). */
  detectedLanguage: z.string().optional(),
});

export type AnswerMetadata = z.infer<typeof answerMetadataSchema>;
