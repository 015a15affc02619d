import { parseMarkdownIntoBlocks } from 'streamdown';
import { describe, expect, it, vi } from 'vitest';
import { createIncrementalBlockSplitter } from './incremental-blocks';

const answer = `## Streaming status

Rill renders **bold text**, \`inline code\` and plain prose.

- First item
- Second item with **emphasis**

\`\`\`ts
export function join(chunks: string[]): string {

  return chunks.join('');
}
\`\`\`

| Model | Context |
| --- | --- |
| fake-small | 8k |

Closing paragraph
===

> a quote
> that goes on

1. one
2. two
`;

/** Every prefix ending at a word boundary, as a stream would deliver it. */
function prefixes(text: string): string[] {
  const cuts = [...text.matchAll(/\s+/g)].map((match) => match.index! + match[0].length);
  return [...cuts.map((cut) => text.slice(0, cut)), text];
}

describe('createIncrementalBlockSplitter', () => {
  it('splits every streamed prefix exactly as a full split would', () => {
    const incremental = createIncrementalBlockSplitter(parseMarkdownIntoBlocks);
    for (const prefix of prefixes(answer)) expect(incremental(prefix)).toEqual(parseMarkdownIntoBlocks(prefix));
  });

  it('re-reads only the last block as the text grows', () => {
    const split = vi.fn(parseMarkdownIntoBlocks);
    const incremental = createIncrementalBlockSplitter(split);
    const long = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} with some words.`).join('\n\n');
    incremental(long);
    incremental(`${long} more`);
    expect(split.mock.calls[1]?.[0]).toBe('Paragraph 199 with some words. more');
  });

  it('starts over when the text is replaced rather than extended', () => {
    const incremental = createIncrementalBlockSplitter(parseMarkdownIntoBlocks);
    incremental('# One\n\nfirst\n\nsecond');
    expect(incremental('# Two\n\nother')).toEqual(parseMarkdownIntoBlocks('# Two\n\nother'));
  });
});
