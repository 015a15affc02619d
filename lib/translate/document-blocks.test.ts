import { describe, expect, it } from 'vitest';
import { isTranslatable, joinAsMarkdown, joinAsText, splitIntoBlocks, type DocumentBlock } from './document-blocks';

const shape = (blocks: DocumentBlock[]) => blocks.map((block) => (isTranslatable(block) ? [block.kind, block.prefix, block.text, block.suffix] : [block.kind, block.raw]));
const upper = (blocks: DocumentBlock[]) => joinAsMarkdown(blocks, (block) => block.text.toUpperCase());

const sample = [
  '# Getting started',
  '',
  'Rill translates  ',
  'whole documents.',
  '',
  '## Steps ##',
  '',
  '- pick a file',
  '  * nested item',
  '1. translate it',
  '2) download it',
  '- [x] done',
  '> quoted words',
  '',
  '```ts',
  'const greeting = "hello";',
  '',
  '# not a heading',
  '```',
  '',
  '---',
  '',
  '    indented code',
  '    more code',
  '',
  'The end.',
  '',
].join('\n');

describe('a document split into blocks', () => {
  it('finds headings, paragraphs, items, code and blank lines, with markup kept aside', () => {
    expect(shape(splitIntoBlocks(sample))).toEqual([
      ['heading', '# ', 'Getting started', ''],
      ['blank', ''],
      ['paragraph', '', 'Rill translates  \nwhole documents.', ''],
      ['blank', ''],
      ['heading', '## ', 'Steps', ' ##'],
      ['blank', ''],
      ['item', '- ', 'pick a file', ''],
      ['item', '  * ', 'nested item', ''],
      ['item', '1. ', 'translate it', ''],
      ['item', '2) ', 'download it', ''],
      ['item', '- [x] ', 'done', ''],
      ['item', '> ', 'quoted words', ''],
      ['blank', ''],
      ['code', '```ts\nconst greeting = "hello";\n\n# not a heading\n```'],
      ['blank', ''],
      ['kept', '---'],
      ['blank', ''],
      ['code', '    indented code\n    more code'],
      ['blank', ''],
      ['paragraph', '', 'The end.', ''],
      ['blank', ''],
    ]);
  });

  it('joins back to the same text, and a translation changes only the words', () => {
    const blocks = splitIntoBlocks(sample);
    expect(joinAsMarkdown(blocks)).toBe(sample);
    const translated = upper(blocks);
    expect(translated).toContain('# GETTING STARTED\n\nRILL TRANSLATES  \nWHOLE DOCUMENTS.\n\n## STEPS ##');
    expect(translated).toContain('- PICK A FILE\n  * NESTED ITEM\n1. TRANSLATE IT\n2) DOWNLOAD IT\n- [x] DONE\n> QUOTED WORDS');
    expect(translated).toContain('```ts\nconst greeting = "hello";\n\n# not a heading\n```\n\n---\n\n    indented code\n    more code\n\nTHE END.\n');
  });

  it('keeps a fence of tildes, a longer closing fence and an unclosed fence as code', () => {
    expect(shape(splitIntoBlocks('~~~\n```\nnot closed by backticks\n~~~~\nafter'))).toEqual([
      ['code', '~~~\n```\nnot closed by backticks\n~~~~'],
      ['paragraph', '', 'after', ''],
    ]);
    expect(shape(splitIntoBlocks('text\n````\ncode to the end\n```'))).toEqual([
      ['paragraph', '', 'text', ''],
      ['code', '````\ncode to the end\n```'],
    ]);
  });

  it('takes lines that follow an item as its text, and indented lines under a list as the list', () => {
    const blocks = splitIntoBlocks('- first item\n  goes on\n\n    still the list\nnext');
    expect(shape(blocks)).toEqual([
      ['item', '- ', 'first item\n  goes on', ''],
      ['blank', ''],
      ['paragraph', '    ', 'still the list\nnext', ''],
    ]);
  });

  it('keeps markup with no words, setext underlines and CRLF documents (as LF)', () => {
    expect(shape(splitIntoBlocks('#\n- \n\nTitle\n===\r\nok\r\n'))).toEqual([
      ['kept', '#'],
      ['kept', '- '],
      ['blank', ''],
      ['paragraph', '', 'Title', ''],
      ['kept', '==='],
      ['paragraph', '', 'ok', ''],
      ['blank', ''],
    ]);
  });

  it('keeps a translated heading on one line', () => {
    const [heading] = splitIntoBlocks('## Title');
    expect(joinAsMarkdown([heading!], () => 'Two\nlines\n')).toBe('## Two lines');
  });

  it('reads plain text as paragraphs', () => {
    expect(shape(splitIntoBlocks('One line\nsame paragraph\n\n\nAnother'))).toEqual([
      ['paragraph', '', 'One line\nsame paragraph', ''],
      ['blank', ''],
      ['blank', ''],
      ['paragraph', '', 'Another', ''],
    ]);
  });
});

describe('a document as plain text', () => {
  it('drops heading hashes and code fences, keeping code, items and paragraphs', () => {
    const blocks = splitIntoBlocks('# Title\n\n- item\n\n```js\nlet x;\n```\n\nText');
    expect(joinAsText(blocks, (block) => block.text.toUpperCase())).toBe('TITLE\n\n- ITEM\n\nlet x;\n\nTEXT');
  });
});
