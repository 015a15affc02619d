/**
 * Splitting streamed Markdown into blocks, without re-reading the whole answer per token. A split
 * of the full text costs O(length), so doing it for every token makes a long answer slow down as it
 * grows. While the text only grows, every block but the last is settled; only the last block plus
 * the new text is split again, so the cost per token follows the size of the last block.
 */
export function createIncrementalBlockSplitter(split: (markdown: string) => string[]): (markdown: string) => string[] {
  let previousText = '';
  let previousBlocks: string[] = [];
  let settledLength = 0; // characters covered by all blocks but the last

  return (markdown) => {
    let blocks: string[];
    if (previousBlocks.length > 1 && markdown.startsWith(previousText)) {
      const settled = previousBlocks.slice(0, -1);
      blocks = [...settled, ...split(markdown.slice(settledLength))];
    } else {
      blocks = split(markdown);
    }
    previousText = markdown;
    previousBlocks = blocks;
    settledLength = markdown.length - (blocks.at(-1)?.length ?? 0);
    // A splitter that drops characters (it should not) would misplace the settled prefix: start over.
    if (blocks.join('') !== markdown) {
      previousBlocks = [];
      settledLength = 0;
    }
    return blocks;
  };
}
