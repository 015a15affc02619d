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
