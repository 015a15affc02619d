import { describe, expect, it } from 'vitest';
import { onePagePdf } from '@/e2e/support/document-files';
import { contentId } from './content-id';
import { readAttachment, readFileText, UnreadableFile } from './read-file';

const fileOf = (name: string, content: BlobPart, type = '') => new File([content], name, { type });

describe('reading a picked file', () => {
  it('reads a text file as its text, named by the SHA-256 of what is kept', async () => {
    const { attachment, body } = await readAttachment(fileOf('notes.md', '# Notes\nhello'), 1_000);
    expect(new TextDecoder().decode(body)).toBe('# Notes\nhello');
    expect(attachment).toEqual({ id: await contentId(body), name: 'notes.md', mediaType: 'text/markdown', size: 13, kind: 'text' });
    expect(attachment.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps an image as its bytes', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { attachment, body } = await readAttachment(fileOf('p.png', bytes, 'image/png'), 10);
    expect(body).toEqual(bytes);
    expect(attachment.kind).toBe('image');
  });

  it('cuts a long text to the limit, with the note', async () => {
    const { body } = await readAttachment(fileOf('long.txt', 'x'.repeat(50)), 10);
    expect(new TextDecoder().decode(body)).toMatch(/^x{10}\n\[… cut here/);
  });

  it('refuses a binary file with a text name, and an empty one, saying which', async () => {
    await expect(readAttachment(fileOf('fake.txt', new Uint8Array([104, 0, 105])), 10)).rejects.toThrow(new UnreadableFile('fake.txt is not a text file.'));
    await expect(readAttachment(fileOf('blank.md', '  \n'), 10)).rejects.toThrow(/blank.md has no text/);
    await expect(readAttachment(fileOf('clip.mp4', 'x', 'video/mp4'), 10)).rejects.toThrow(/clip.mp4 cannot be attached/);
  });

  it('reads the text of a PDF with unpdf, page by page', async () => {
    const { attachment, body } = await readAttachment(fileOf('hello.pdf', onePagePdf('Hello from a PDF'), 'application/pdf'), 1_000);
    expect(attachment).toMatchObject({ kind: 'text', mediaType: 'application/pdf' });
    expect(new TextDecoder().decode(body)).toBe('[Page 1]\nHello from a PDF');
  });

  it('reads a .docx with mammoth', async () => {
    // A .docx that is not a zip: mammoth's own error, said with the file's name.
    await expect(readAttachment(fileOf('broken.docx', 'not a zip'), 100)).rejects.toThrow(/broken.docx could not be read/);
  });

  // mammoth's Node build reads no ArrayBuffer (its browser build does): the translator's .docx is read in e2e/translate-document.spec.ts.
  it('reads a PDF for the translator without page labels', async () => {
    expect(await readFileText(fileOf('a.pdf', onePagePdf('First line', 'Second line')), 'pdf', 'markdown')).toBe('First line\nSecond line');
  });
});
