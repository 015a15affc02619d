import { parseDelimited, serializeDelimited } from './delimited-text';
import { MAX_GLOSSARY_TERM_CHARS, type Glossary, type GlossaryEntry } from './glossary';
import { isLanguageCode, type LanguageCode } from './languages';

/**
 * DeepL's glossary files: one `source,target` per line, no header, optionally a third and fourth
 * column naming the languages (`source,target,en,de`); TSV is the same with tabs.
 */
export type GlossaryFileFormat = 'csv' | 'tsv';

export interface GlossaryFileRead {
  entries: GlossaryEntry[];
  /** Lines not taken, each with why, in the user's words. */
  skipped: { line: number; reason: string }[];
  /** The pair the file's language columns name, when every line that has them agrees. */
  languages?: { source: LanguageCode; target: LanguageCode };
}

/** A `.tsv` file, or one whose first line has a tab and no comma, is TSV; anything else is CSV. */
export function formatOf(fileName: string, text: string): GlossaryFileFormat {
  if (/\.tsv$/i.test(fileName)) return 'tsv';
  if (/\.csv$/i.test(fileName)) return 'csv';
  const first = text.split('\n', 1)[0] ?? '';
  return first.includes('\t') && !first.includes(',') ? 'tsv' : 'csv';
}

const delimiterOf = (format: GlossaryFileFormat) => (format === 'tsv' ? '\t' : ',');

/** Reads what it can: a bad line is skipped and reported, never the reason to refuse the whole file. */
export function parseGlossaryFile(text: string, format: GlossaryFileFormat, maxTerms: number): GlossaryFileRead {
  const entries: GlossaryEntry[] = [];
  const skipped: GlossaryFileRead['skipped'] = [];
  const pairs = new Set<string>();
  const seen = new Set<string>();
  for (const { line, fields } of parseDelimited(text, delimiterOf(format))) {
    const [source = '', target = '', sourceLanguage, targetLanguage] = fields.map((field) => field.trim());
    if (fields.length === 1 && !source) continue;
    const reason =
      fields.length !== 2 && fields.length !== 4
        ? `${fields.length} columns, not 2 (or 4 with the languages)`
        : !source || !target
          ? `no ${source ? 'target' : 'source'} term`
          : source.length > MAX_GLOSSARY_TERM_CHARS || target.length > MAX_GLOSSARY_TERM_CHARS
            ? `a term is longer than ${MAX_GLOSSARY_TERM_CHARS} characters`
            : seen.has(source.toLocaleLowerCase())
              ? `"${source}" is listed already`
              : entries.length >= maxTerms
                ? `a glossary holds at most ${maxTerms} terms`
                : undefined;
    if (reason) {
      skipped.push({ line, reason });
      continue;
    }
    seen.add(source.toLocaleLowerCase());
    entries.push({ source, target });
    if (sourceLanguage !== undefined) pairs.add(`${sourceLanguage.toLowerCase()}>${targetLanguage?.toLowerCase()}`);
  }
  const [pair, ...others] = [...pairs];
  const [source = '', target = ''] = pair?.split('>') ?? [];
  const languages = others.length === 0 && isLanguageCode(source) && isLanguageCode(target) ? { source, target } : undefined;
  return { entries, skipped, ...(languages && { languages }) };
}

/** The glossary as DeepL writes it, languages included, so a file read back lands on the same pair. */
export function glossaryToFile(glossary: Pick<Glossary, 'entries' | 'source' | 'target'>, format: GlossaryFileFormat): string {
  return serializeDelimited(glossary.entries.map((entry) => [entry.source, entry.target, glossary.source, glossary.target]), delimiterOf(format));
}

export function glossaryFileName(name: string, format: GlossaryFileFormat): string {
  const base = name.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'glossary';
  return `${base}.${format}`;
}

/** "Read 12 terms; 2 lines skipped: line 3: no target term; line 9: …" */
export function describeRead(read: Pick<GlossaryFileRead, 'entries' | 'skipped'>): string {
  const terms = `Read ${read.entries.length} term${read.entries.length === 1 ? '' : 's'}`;
  if (read.skipped.length === 0) return `${terms}.`;
  const lines = read.skipped.map(({ line, reason }) => `line ${line}: ${reason}`).join('; ');
  return `${terms}; ${read.skipped.length} line${read.skipped.length === 1 ? '' : 's'} skipped (${lines}).`;
}
