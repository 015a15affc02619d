import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '@/lib/chat/types';
import { checkUpload, sniffImage } from './upload-check';

const limits = { maxBytes: 1_000, maxTextChars: 20 };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const idOf = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');
const header = (fields: Partial<Attachment>, body: Uint8Array) =>
  encodeURIComponent(JSON.stringify({ id: idOf(body), name: 'file', mediaType: 'text/plain', size: body.byteLength, kind: 'text', ...fields }));

describe('an uploaded attachment', () => {
  it('is kept when its id is its SHA-256 and it is what it says', () => {
    const text = new TextEncoder().encode('hello');
    expect(checkUpload(header({ name: 'n.md', mediaType: 'text/markdown' }, text), text, limits)).toMatchObject({ ok: true, attachment: { name: 'n.md', body: text } });
    expect(checkUpload(header({ name: 'p.png', mediaType: 'image/png', kind: 'image' }, PNG), PNG, limits)).toMatchObject({ ok: true });
  });

  it('is refused, saying why, when it is not', () => {
    const text = new TextEncoder().encode('hello');
    expect(checkUpload(null, text, limits)).toMatchObject({ ok: false, status: 400 });
    expect(checkUpload(header({ id: 'a'.repeat(64) }, text), text, limits)).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('did not arrive whole') });
    expect(checkUpload(header({ size: 5_000 }, text), text, limits)).toMatchObject({ ok: false, status: 413, code: 'too_large', message: 'file is 4.9 KB: files may be at most 1000 B.' });
    expect(checkUpload(header({ kind: 'image', mediaType: 'image/png' }, text), text, limits)).toMatchObject({ ok: false, status: 415 });
    expect(checkUpload(header({ mediaType: 'application/x-msdownload' }, text), text, limits)).toMatchObject({ ok: false, status: 415 });
    const long = new TextEncoder().encode('x'.repeat(500));
    expect(checkUpload(header({}, long), long, limits)).toMatchObject({ ok: false, status: 413 });
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    expect(checkUpload(header({}, latin1), latin1, limits)).toMatchObject({ ok: false, status: 415, message: expect.stringContaining('UTF-8') });
  });

  it('is the image format its first bytes say', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImage(new TextEncoder().encode('RIFF....WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(new TextEncoder().encode('<svg'))).toBeUndefined();
  });
});
