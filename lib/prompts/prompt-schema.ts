import { z } from '@/lib/zod';
import { MAX_PROMPT_NAME_CHARS, MAX_PROMPT_TEXT_CHARS } from './saved-prompt';

/** PostgreSQL keeps no U+0000 in JSON, and it means nothing to a reader. */
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

/** A saved prompt as it comes from outside (a request, an imported file): checked before it is kept. */
export const savedPromptSchema = z.object({
  id: z.string().min(1).max(200),
  name: z
    .string()
    .trim()
    .min(1, { error: 'a prompt needs a name' })
    .max(MAX_PROMPT_NAME_CHARS, { error: `a prompt's name is at most ${MAX_PROMPT_NAME_CHARS} characters` })
    .transform(withoutNul),
  text: z
    .string()
    .min(1, { error: 'a prompt needs some text' })
    .max(MAX_PROMPT_TEXT_CHARS, { error: `a prompt's text is at most ${MAX_PROMPT_TEXT_CHARS.toLocaleString('en')} characters` })
    .transform(withoutNul),
  updatedAt: z.number().int().nonnegative(),
});

export const promptListSchema = (maxSaved: number) =>
  z.array(savedPromptSchema).max(maxSaved, { error: `at most ${maxSaved} prompts can be saved` });

/** The whole list, as the browser saves it (PUT /api/prompts). */
export const promptLibrarySchema = (maxSaved: number) =>
  z.object({
    prompts: promptListSchema(maxSaved),
    updatedAt: z.number().int().nonnegative(),
  });
