import type { Attachment } from '@/lib/chat/types';
import { contentId } from './content-id';
import { markdownFromDocxHtml } from './docx-markdown';
import { fileKind } from './kinds';
import { capText } from './rules';

/** A picked file read into what is kept and sent: an image's bytes, or the text read from a document. */
export interface ReadAttachment {
  attachment: Attachment;
  body: Uint8Array;
}

export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/**
 * Reads `file` in the browser. PDF (unpdf) and .docx (mammoth) readers load only when such a file is
 * attached, so the chat's own bundle does not carry them.
 */
export async function readAttachment(file: Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer' | 'text'>, maxTextChars: number): Promise<ReadAttachment> {
  const kind = fileKind(file.name, file.type);
  if (kind.kind === 'refused') throw new UnreadableFile(kind.reason);
  let body: Uint8Array;
  if (kind.kind === 'image') body = new Uint8Array(await file.arrayBuffer());
  else {
    const text = await readFileText(file, kind.read);
    if (!text.trim()) throw new UnreadableFile(`${file.name} has no text Rill can read${kind.read === 'pdf' ? ' (a scanned PDF holds pictures of pages, not text)' : ''}.`);
    body = new TextEncoder().encode(capText(text, maxTextChars).text);
  }
  const attachment: Attachment = { id: await contentId(body), name: file.name, mediaType: kind.mediaType, size: file.size, kind: kind.kind };
  return { attachment, body };
}

/**
 * The text of a picked file, by how it is read. `shape` 'attachment' is for the chat's model: a PDF's
 * pages labelled ("[Page 2]") so it can cite them, a .docx as its raw text. 'markdown' is for the
 * document translator, which keeps structure: no page labels, a .docx's headings and lists as Markdown.
 */
export async function readFileText(file: Pick<File, 'name' | 'arrayBuffer' | 'text'>, read: 'plain' | 'pdf' | 'docx', shape: 'attachment' | 'markdown' = 'attachment'): Promise<string> {
  try {
    switch (read) {
      case 'plain': {
        const text = await file.text();
        // A NUL in the first few KB: a binary file with a text-like name.
        if (text.slice(0, 8192).includes('\u0000')) throw new UnreadableFile(`${file.name} is not a text file.`);
        return text;
      }
      case 'pdf': {
        const { extractText, getDocumentProxy } = await import('unpdf');
        const document = await getDocumentProxy(new Uint8Array(await file.arrayBuffer()));
        const { text } = await extractText(document, { mergePages: false });
        if (text.every((page) => !page.trim())) return '';
        return text.map((page, index) => (shape === 'attachment' ? `[Page ${index + 1}]\n${page.trim()}` : page.trim())).join('\n\n');
      }
      case 'docx': {
        const { default: mammoth } = await import('mammoth');
        const arrayBuffer = await file.arrayBuffer();
        if (shape === 'attachment') return (await mammoth.extractRawText({ arrayBuffer })).value;
        return markdownFromDocxHtml((await mammoth.convertToHtml({ arrayBuffer })).value);
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
