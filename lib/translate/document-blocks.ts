/**
 * A document as the translator sees it: a list of blocks, one or more whole lines each, in order.
 * Only the words of headings, paragraphs and list items (or quoted lines) are sent to the model; their
 * markup (`## `, `- `, `1. `, `> `, surrounding spaces) is kept aside, and code, rules and blank lines
 * are never sent at all. Joining every block's lines gives back the document exactly, so a translated
 * document has the same structure as its original, code fences byte for byte.
 */
export type DocumentBlock = TranslatableBlock | KeptBlock;

export interface TranslatableBlock {
  /** The block's place in its document: blocks never move, so it names the block for as long as the document is open. */
  id: number;
  kind: 'heading' | 'paragraph' | 'item';
  /** The markup and spaces before the words, as in the original. */
  prefix: string;
  /** What is translated. */
  text: string;
  /** Spaces (and a heading's closing hashes) after the words. */
  suffix: string;
}

export interface KeptBlock {
  id: number;
  /** 'code': a fenced or indented code block; 'kept': a rule, an empty heading, a setext underline. */
  kind: 'code' | 'blank' | 'kept';
  raw: string;
}

export function isTranslatable(block: DocumentBlock): block is TranslatableBlock {
  return block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'item';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
const INDENTED = /^(?: {4}|\t)/;
const HEADING = /^( {0,3}#{1,6}(?:[ \t]+|$))(.*?)((?:[ \t]+#+)?[ \t]*)$/;
const RULE = /^ {0,3}(?:([-*_])[ \t]*){3,}$/;
const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;
// Any quote markers, then a bullet or number (with a task box), or quote markers alone.
const ITEM = /^((?:[ \t]*>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|(?:[ \t]*>[ \t]?)+)(.*)$/;

/** Splits Markdown (or plain text, which reads as paragraphs) into blocks. Line endings become `\n`. */
export function splitIntoBlocks(markdown: string): DocumentBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocumentBlock[] = [];
  const push = (block: Omit<TranslatableBlock, 'id'> | Omit<KeptBlock, 'id'>) => {
    const id = blocks.length;
    // Markup with no words in it (`#`, `- `) is kept as it is: there is nothing to translate.
    if ('text' in block && !block.text.trim()) blocks.push({ id, kind: 'kept', raw: block.prefix + block.text + block.suffix });
    else blocks.push({ id, ...block } as DocumentBlock);
  };
  const startsBlock = (line: string) => BLANK.test(line) || FENCE.test(line) || HEADING.test(line) || RULE.test(line) || SETEXT_UNDERLINE.test(line) || ITEM.test(line);

  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let end = i + 1;
      while (end < lines.length && !closing.test(lines[end]!)) end++;
      // An unclosed fence runs to the end of the document, as Markdown reads it.
      end = Math.min(end, lines.length - 1);
      push({ kind: 'code', raw: lines.slice(i, end + 1).join('\n') });
      i = end + 1;
      continue;
    }
    if (BLANK.test(line)) {
      push({ kind: 'blank', raw: line });
      i++;
      continue;
    }
    const previous = blocks.at(-1);
    const lastWords = blocks.findLast((block) => block.kind !== 'blank');
    // Indented lines after a blank line are code, unless they continue a list (a nested item or its text).
    if (INDENTED.test(line) && (!previous || previous.kind === 'blank') && lastWords?.kind !== 'item') {
      let end = i;
      while (end + 1 < lines.length && (INDENTED.test(lines[end + 1]!) || (BLANK.test(lines[end + 1]!) && INDENTED.test(lines[end + 2] ?? '')))) end++;
      push({ kind: 'code', raw: lines.slice(i, end + 1).join('\n') });
      i = end + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      push({ kind: 'heading', prefix: heading[1]!, text: heading[2]!, suffix: heading[3]! });
      i++;
      continue;
    }
    if (RULE.test(line) || SETEXT_UNDERLINE.test(line)) {
      push({ kind: 'kept', raw: line });
      i++;
      continue;
    }
    const item = ITEM.exec(line);
    let end = i;
    while (end + 1 < lines.length && !startsBlock(lines[end + 1]!)) end++;
    if (item) push(words('item', item[1]!, [item[2]!, ...lines.slice(i + 1, end + 1)].join('\n')));
    else push(words('paragraph', '', lines.slice(i, end + 1).join('\n')));
    i = end + 1;
  }
  return blocks;
}

/** A block of words, its leading and trailing spaces moved into its markup. */
function words(kind: 'paragraph' | 'item', prefix: string, body: string): Omit<TranslatableBlock, 'id'> {
  const lead = /^\s*/.exec(body)![0];
  const trail = /\s*$/.exec(body.slice(lead.length))![0];
  return { kind, prefix: prefix + lead, text: body.slice(lead.length, body.length - trail.length), suffix: trail };
}

/** The translation of a block, or undefined to keep its original words. */
export type TranslationOf = (block: TranslatableBlock) => string | undefined;

/** The document as Markdown, translated where a translation is given: the original's markup kept exactly. */
export function joinAsMarkdown(blocks: readonly DocumentBlock[], translationOf: TranslationOf = () => undefined): string {
  return blocks.map((block) => (isTranslatable(block) ? block.prefix + wordsOf(block, translationOf) + block.suffix : block.raw)).join('\n');
}

/**
 * The document as plain text: headings without their hashes, code without its fences; list markers,
 * paragraphs and blank lines as they are.
 */
export function joinAsText(blocks: readonly DocumentBlock[], translationOf: TranslationOf = () => undefined): string {
  return blocks
    .map((block) => {
      if (block.kind === 'heading') return wordsOf(block, translationOf);
      if (isTranslatable(block)) return block.prefix + wordsOf(block, translationOf) + block.suffix;
      if (block.kind === 'code' && FENCE.test(block.raw)) return insideFences(block.raw);
      return block.raw;
    })
    .join('\n');
}

/** A fenced block's lines without its opening fence, or its closing one when it has one. */
function insideFences(raw: string): string {
  const lines = raw.split('\n').slice(1);
  if (lines.length > 0 && FENCE.test(lines.at(-1)!)) lines.pop();
  return lines.join('\n');
}

function wordsOf(block: TranslatableBlock, translationOf: TranslationOf): string {
  const translated = translationOf(block)?.trim();
  if (!translated) return block.text;
  // A heading is one line in Markdown: a model that wrapped it would turn the rest into a paragraph.
  return block.kind === 'heading' ? translated.replace(/\s*\n\s*/g, ' ') : translated;
}
