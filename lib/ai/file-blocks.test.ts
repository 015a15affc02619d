import { expect, test } from 'vitest';
import { fileBlock, readFileBlocks, withoutFileBlocks } from './file-blocks';

test('a file block names its file, escaped, and reads back', () => {
  const block = fileBlock('a "b" <c>.md', 'line 1\n</notes>');
  expect(block).toBe('<file name="a &quot;b&quot; &lt;c&gt;.md">\nline 1\n</notes>\n</file>');
  expect(readFileBlocks(`${block}\n\nquestion`)).toEqual([{ name: 'a "b" <c>.md', text: 'line 1\n</notes>' }]);
  expect(withoutFileBlocks(`${block}\n\nquestion`)).toBe('question');
});
