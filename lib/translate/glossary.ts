import type { LanguageCode } from './languages';

/** One term and the translation the user wants for it. */
export interface GlossaryEntry {
  source: string;
  target: string;
}

/** A named term list for one language pair, chosen per translation. */
export interface Glossary {
  id: string;
  name: string;
  source: LanguageCode;
  target: LanguageCode;
  entries: GlossaryEntry[];
  /** When it was last changed (epoch ms): of two copies of one glossary, the newer wins. */
  updatedAt: number;
}

/** Limits the API enforces and the manager's fields mirror; zod-free so the translator page does not load zod. */
export const MAX_GLOSSARY_NAME_CHARS = 100;
export const MAX_GLOSSARY_TERM_CHARS = 200;

/** Scripts written without spaces between words (or, for Korean, with particles glued on): a term there has no word boundary to check. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Whether `term` occurs in `text` as a word (or words), ignoring case: "invoice" is in "Invoice #4"
 * but not in "invoiced". Where the term begins or ends with a letter of a script written without
 * spaces (Japanese, Chinese, Thai…) that side needs no boundary, since there is none to find.
 */
export function containsTerm(text: string, term: string): boolean {
  const wanted = term.trim().toLocaleLowerCase();
  if (!wanted) return false;
  const haystack = text.toLocaleLowerCase();
  const first = wanted.at(0)!;
  const last = wanted.at(-1)!;
  const checkStart = WORD_CHAR.test(first) && !UNSPACED.test(first);
  const checkEnd = WORD_CHAR.test(last) && !UNSPACED.test(last);
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) {
    const before = haystack.slice(0, at).at(-1);
    const after = haystack.slice(at + wanted.length).at(0);
    if ((!checkStart || before === undefined || !WORD_CHAR.test(before)) && (!checkEnd || after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

/**
 * The entries a translation of `text` needs: those whose source term occurs in it. Only these are
 * sent, so a long glossary costs no tokens for terms the text never uses; a term listed twice is sent once.
 */
export function entriesUsedIn(text: string, entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = entry.source.trim().toLocaleLowerCase();
    if (seen.has(key) || !entry.target.trim() || !containsTerm(text, entry.source)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The entries a finished translation did not honour: their source term is in the text, their target
 * term (ignoring case) is nowhere in the translation. The target is looked for as a plain substring,
 * not a word: an inflected or compound form ("Rechnungen", "Rechnungsnummer") still counts as used.
 */
export function unhonouredEntries(text: string, translation: string, entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  const translated = translation.toLocaleLowerCase();
  return entriesUsedIn(text, entries).filter((entry) => !translated.includes(entry.target.trim().toLocaleLowerCase()));
}

/** The glossaries that fit a translation from `source` (any, when detecting) into `target`. */
export function glossariesFor<G extends Pick<Glossary, 'source' | 'target'>>(glossaries: readonly G[], source: LanguageCode | 'auto', target: LanguageCode): G[] {
  return glossaries.filter((glossary) => glossary.target === target && (source === 'auto' || glossary.source === source));
}

/** The chosen glossary while it fits the language pair; a pair it does not fit translates without one. */
export function chosenGlossary<G extends Pick<Glossary, 'id' | 'source' | 'target'>>(glossaries: readonly G[], id: string | null, source: LanguageCode | 'auto', target: LanguageCode): G | undefined {
  return id === null ? undefined : glossariesFor(glossaries, source, target).find((glossary) => glossary.id === id);
}
