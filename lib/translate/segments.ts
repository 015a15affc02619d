/** Characters per model call: big enough to give the model context, small enough to run in parallel. */
export const MAX_SEGMENT_CHARS = 1_200;

export interface Segment {
  text: string;
  /** The blank lines that followed this segment in the original text ('' after the last). */
  separator: string;
}

/**
 * Cuts text at paragraph boundaries (blank lines) into segments of at most `maxChars`, joining short
 * paragraphs so a list of one-liners is not one call per line. A single paragraph longer than the
 * limit stays whole: cutting mid-paragraph would cost the model the sentence context it needs.
 * Joining every segment's text and separator gives back the trimmed text exactly.
 */
export function splitIntoSegments(text: string, maxChars = MAX_SEGMENT_CHARS): Segment[] {
  const parts = text.trim().split(/(\s*\n\s*\n\s*)/);
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const paragraph = parts[i] ?? '';
    const separator = parts[i + 1] ?? '';
    if (current && current.text.length + current.separator.length + paragraph.length <= maxChars) {
      current.text += current.separator + paragraph;
      current.separator = separator;
      continue;
    }
    current = { text: paragraph, separator };
    segments.push(current);
  }
  return segments.filter((segment) => segment.text.length > 0);
}
