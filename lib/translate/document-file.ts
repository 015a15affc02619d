import { readFileText, UnreadableFile } from '@/lib/attachments/read-file';
import { humanSize } from '@/lib/attachments/sizes';
import { isTranslatable, splitIntoBlocks, type DocumentBlock } from './document-blocks';
import { MAX_TRANSLATE_CHARS } from './limits';

/*
 * A document is read and split in the browser, so its limits are constants shared with the page, not
 * server settings: each paragraph still goes to POST /api/translate as one request, under that route's
 * own limits (request rate, streams at once, daily tokens, MAX_TRANSLATE_CHARS).
 */
/** Largest file the translator reads: its text is held, and shown twice, in the page. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** Most paragraphs (headings and list items count) one document may have: each is one request. */
export const MAX_DOCUMENT_PARAGRAPHS = 500;
/** Longest paragraph: one request's text. */
export const MAX_PARAGRAPH_CHARS = MAX_TRANSLATE_CHARS;

export type DocumentFormat = 'text' | 'markdown' | 'docx' | 'pdf';

export interface TranslatableDocument {
  name: string;
  format: DocumentFormat;
  blocks: DocumentBlock[];
}

/** Why a picked file cannot be translated, in words for the person who picked it. */
export class DocumentRefused extends Error {
  override name = 'DocumentRefused';
}

const FORMATS: Record<string, DocumentFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', docx: 'docx', pdf: 'pdf' };
const READ_AS = { text: 'plain', markdown: 'plain', docx: 'docx', pdf: 'pdf' } as const;

/** Accepted by the file input: the same list `readDocument` checks (a drop is not filtered by it). */
export const DOCUMENT_ACCEPT = '.txt,.md,.markdown,.docx,.pdf,text/plain,text/markdown';

const count = (n: number) => n.toLocaleString('en');

/** Reads a picked or dropped file into blocks; throws DocumentRefused saying why it cannot be translated. */
export async function readDocument(file: Pick<File, 'name' | 'size' | 'arrayBuffer' | 'text'>): Promise<TranslatableDocument> {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  const format = FORMATS[extension];
  if (!format) throw new DocumentRefused(`${file.name} cannot be translated as a document: pick a .txt, .md, .docx or .pdf file.`);
  if (file.size > MAX_DOCUMENT_BYTES) throw new DocumentRefused(`${file.name} is ${humanSize(file.size)}: documents may be at most ${humanSize(MAX_DOCUMENT_BYTES)}.`);
  let text: string;
  try {
    text = await readFileText(file, READ_AS[format], 'markdown');
  } catch (error) {
    throw new DocumentRefused(error instanceof UnreadableFile ? error.message : `${file.name} could not be read.`);
  }
  const blocks = splitIntoBlocks(text);
  const paragraphs = blocks.filter(isTranslatable);
  if (paragraphs.length === 0) throw new DocumentRefused(`${file.name} has no text to translate${format === 'pdf' ? ' (a scanned PDF holds pictures of pages, not text)' : ''}.`);
  if (paragraphs.length > MAX_DOCUMENT_PARAGRAPHS) {
    throw new DocumentRefused(`${file.name} has ${count(paragraphs.length)} paragraphs: a document may have at most ${count(MAX_DOCUMENT_PARAGRAPHS)}. Split it and translate the parts one at a time.`);
  }
  const long = paragraphs.findIndex((block) => block.text.length > MAX_PARAGRAPH_CHARS);
  if (long >= 0) {
    throw new DocumentRefused(
      `Paragraph ${long + 1} of ${file.name} has ${count(paragraphs[long]!.text.length)} characters: a paragraph may have at most ${count(MAX_PARAGRAPH_CHARS)}. Break it up with a blank line.`,
    );
  }
  return { name: file.name, format, blocks };
}

/** `report.md` translated into German downloads as `report.de.md` (or `report.de.txt`). */
export function translatedFileName(name: string, target: string, extension: 'md' | 'txt'): string {
  const base = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  return `${base || 'document'}.${target}.${extension}`;
}
