import { describe, expect, it } from 'vitest';
import { onePagePdf } from '@/e2e/support/document-files';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PARAGRAPHS, MAX_PARAGRAPH_CHARS, readDocument, translatedFileName } from './document-file';

const fileOf = (name: string, content: BlobPart) => new File([content], name);

describe('reading a document to translate', () => {
  it('reads Markdown and plain text into blocks', async () => {
    const document = await readDocument(fileOf('notes.md', '# Title\n\nSome text'));
    expect(document).toMatchObject({ name: 'notes.md', format: 'markdown' });
    expect(document.blocks.map((block) => block.kind)).toEqual(['heading', 'blank', 'paragraph']);
    expect((await readDocument(fileOf('a.TXT', 'plain'))).format).toBe('text');
  });

  it('reads a PDF by its text', async () => {
    const document = await readDocument(fileOf('paper.pdf', onePagePdf('Hello from a PDF')));
    expect(document.blocks).toEqual([{ id: 0, kind: 'paragraph', prefix: '', text: 'Hello from a PDF', suffix: '' }]);
  });

  it('refuses other types, files too large, and documents with too many or too long paragraphs, saying which limit', async () => {
    await expect(readDocument(fileOf('photo.png', 'x'))).rejects.toThrow('photo.png cannot be translated as a document: pick a .txt, .md, .docx or .pdf file.');
    const big = { name: 'big.md', size: MAX_DOCUMENT_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0), text: async () => '' };
    await expect(readDocument(big)).rejects.toThrow('big.md is 2 MB: documents may be at most 2 MB.');
    await expect(readDocument(fileOf('many.md', Array.from({ length: MAX_DOCUMENT_PARAGRAPHS + 1 }, (_, i) => `- item ${i}`).join('\n')))).rejects.toThrow(
      'many.md has 501 paragraphs: a document may have at most 500.',
    );
    await expect(readDocument(fileOf('long.txt', `short\n\n${'x'.repeat(MAX_PARAGRAPH_CHARS + 1)}`))).rejects.toThrow(
      'Paragraph 2 of long.txt has 5,001 characters: a paragraph may have at most 5,000.',
    );
    await expect(readDocument(fileOf('empty.md', '```\ncode only\n```'))).rejects.toThrow('empty.md has no text to translate.');
    await expect(readDocument(fileOf('bin.txt', new Uint8Array([104, 0, 105])))).rejects.toThrow('bin.txt is not a text file.');
  });

  it('names the translation after the original and the target language', () => {
    expect(translatedFileName('report.final.md', 'de', 'md')).toBe('report.final.de.md');
    expect(translatedFileName('letter.docx', 'fr', 'txt')).toBe('letter.fr.txt');
  });
});
