import { z } from '@/lib/zod';
import { MAX_GLOSSARY_NAME_CHARS, MAX_GLOSSARY_TERM_CHARS } from './glossary';
import { languageCodes } from './languages';

/** PostgreSQL keeps no U+0000 in JSON, and it means nothing to a reader. */
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

const term = (role: string) =>
  z
    .string()
    .transform(withoutNul)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `a glossary term needs a ${role} term` })
        .max(MAX_GLOSSARY_TERM_CHARS, { error: `a glossary term is at most ${MAX_GLOSSARY_TERM_CHARS} characters` }),
    );

export const glossaryEntrySchema = z.object({ source: term('source'), target: term('target') });

const language = (role: string) => z.enum(languageCodes, { error: (issue) => `unknown ${role} language code ${JSON.stringify(issue.input)}` });

/** A glossary as it comes from outside (a save from the browser): checked before it is kept. */
export const glossarySchema = (maxTerms: number) =>
  z.object({
    id: z.string().min(1).max(200),
    name: z
      .string()
      .trim()
      .min(1, { error: 'a glossary needs a name' })
      .max(MAX_GLOSSARY_NAME_CHARS, { error: `a glossary's name is at most ${MAX_GLOSSARY_NAME_CHARS} characters` })
      .transform(withoutNul),
    source: language('source'),
    target: language('target'),
    entries: z.array(glossaryEntrySchema).max(maxTerms, { error: `a glossary holds at most ${maxTerms.toLocaleString('en')} terms` }),
    updatedAt: z.number().int().nonnegative(),
  });

/** The whole list, as the browser saves it (PUT /api/glossaries). */
export const glossaryListSchema = ({ maxGlossaries, maxTerms }: { maxGlossaries: number; maxTerms: number }) =>
  z.object({
    glossaries: z.array(glossarySchema(maxTerms)).max(maxGlossaries, { error: `at most ${maxGlossaries} glossaries can be saved` }),
    updatedAt: z.number().int().nonnegative(),
  });
