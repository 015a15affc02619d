import { z } from '@/lib/zod';
import { glossaryEntrySchema } from './glossary-schema';
import { AUTO_DETECT, languageCodes } from './languages';

import { MAX_REQUEST_GLOSSARY_TERMS, MAX_TRANSLATE_CHARS, tones } from './limits';

export { MAX_TRANSLATE_CHARS, tones, type Tone } from './limits';

const unknownCode = (role: string) => (issue: { input?: unknown }) =>
  `Unknown ${role} language code ${JSON.stringify(issue.input)}; use one of ${languageCodes.join(', ')}.`;

/** `POST /api/translate`: what the translator page and chat's "Translate to…" send. */
export const translateRequestSchema = z.object({
  text: z
    .string()
    .refine((text) => text.trim().length > 0, 'There is no text to translate.')
    .refine((text) => text.length <= MAX_TRANSLATE_CHARS, `Text may hold at most ${MAX_TRANSLATE_CHARS.toLocaleString('en')} characters.`),
  target: z.enum(languageCodes, { error: unknownCode('target') }),
  /** Absent or 'auto': the model says which language the text is in. */
  source: z.enum([AUTO_DETECT, ...languageCodes], { error: unknownCode('source') }).default(AUTO_DETECT),
  tone: z.enum(tones).default('default'),
  /** The chosen glossary's terms that the text uses; absent when none. */
  glossary: z
    .array(glossaryEntrySchema)
    .max(MAX_REQUEST_GLOSSARY_TERMS, { error: `A translation may carry at most ${MAX_REQUEST_GLOSSARY_TERMS.toLocaleString('en')} glossary terms.` })
    .optional(),
});

export type TranslateRequest = z.output<typeof translateRequestSchema>;
export type TranslateRequestBody = z.input<typeof translateRequestSchema>;

/** `POST /api/translate/alternatives`: other renderings of one sentence of a finished translation. */
export const alternativesRequestSchema = z
  .object({
    text: translateRequestSchema.shape.text,
    translation: z.string().refine((text) => text.trim().length > 0, 'There is no translation to rephrase.').refine((text) => text.length <= 4 * MAX_TRANSLATE_CHARS, 'The translation is too long.'),
    sentence: z.string().refine((text) => text.trim().length > 0, 'There is no sentence to rephrase.'),
    target: translateRequestSchema.shape.target,
    source: translateRequestSchema.shape.source,
    tone: translateRequestSchema.shape.tone,
  })
  .refine((request) => request.translation.includes(request.sentence), { message: 'The sentence must be part of the translation.', path: ['sentence'] });

export type AlternativesRequest = z.output<typeof alternativesRequestSchema>;
export type AlternativesRequestBody = z.input<typeof alternativesRequestSchema>;
