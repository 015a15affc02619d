import { describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE, fileKind, PDF_MEDIA_TYPE } from './kinds';
import { cannotReadImages, capText, readsImages, tooLarge, tooMany } from './rules';
import { humanSize } from './sizes';

describe('what a file is', () => {
  it.each([
    ['photo.PNG', '', { kind: 'image', mediaType: 'image/png' }],
    ['scan.jpg', 'image/jpeg', { kind: 'image', mediaType: 'image/jpeg' }],
    ['clipboard', 'image/webp', { kind: 'image', mediaType: 'image/webp' }],
    ['notes.md', '', { kind: 'text', mediaType: 'text/markdown', read: 'plain' }],
    ['data.csv', 'application/vnd.ms-excel', { kind: 'text', mediaType: 'text/csv', read: 'plain' }],
    ['config.json', 'application/json', { kind: 'text', mediaType: 'application/json', read: 'plain' }],
    // Browsers call TypeScript files MPEG transport streams: the name wins.
    ['app.ts', 'video/mp2t', { kind: 'text', mediaType: 'text/plain', read: 'plain' }],
    ['Dockerfile', '', { kind: 'text', mediaType: 'text/plain', read: 'plain' }],
    ['paper.pdf', '', { kind: 'text', mediaType: PDF_MEDIA_TYPE, read: 'pdf' }],
    ['letter.docx', '', { kind: 'text', mediaType: DOCX_MEDIA_TYPE, read: 'docx' }],
  ])('%s (%s) is %j', (name, type, expected) => {
    expect(fileKind(name, type)).toEqual(expected);
  });

  it('refuses anything else with a message naming the file', () => {
    expect(fileKind('movie.mp4', 'video/mp4')).toEqual({ kind: 'refused', reason: expect.stringContaining('movie.mp4 cannot be attached') });
    expect(fileKind('old.doc', 'application/msword')).toEqual({ kind: 'refused', reason: expect.stringContaining('.docx') });
  });
});

describe('attachment limits', () => {
  it('says how large a file may be, in sizes people read', () => {
    expect(tooLarge('big.png', 11 * 1024 * 1024, 10 * 1024 * 1024)).toBe('big.png is 11 MB: files may be at most 10 MB.');
    expect(tooLarge('ok.png', 10, 10)).toBeUndefined();
    expect(humanSize(900)).toBe('900 B');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(2 * 1024 * 1024)).toBe('2 MB');
  });

  it('counts files per message', () => {
    expect(tooMany(9, 1, 10)).toBeUndefined();
    expect(tooMany(10, 1, 10)).toBe('A message may carry at most 10 files.');
    expect(tooMany(0, 1, 0)).toBe('Attachments are turned off on this server.');
  });

  it('cuts text past the limit and says so in the text', () => {
    expect(capText('short', 10)).toEqual({ text: 'short', cut: false });
    const cut = capText('a'.repeat(20), 10);
    expect(cut.cut).toBe(true);
    expect(cut.text).toMatch(/^a{10}\n\[… cut here: only the first 10 characters/);
  });

  it('knows which models read images', () => {
    expect(readsImages({ textOnlyModels: [] }, 'gpt-4o')).toBe(true);
    expect(readsImages({ textOnlyModels: ['llama3.2'] }, 'llama3.2')).toBe(false);
    expect(readsImages({ textOnlyModels: 'all' }, 'anything')).toBe(false);
    expect(cannotReadImages('llama3.2')).toBe('llama3.2 cannot read images; remove the image or pick another model.');
  });
});
