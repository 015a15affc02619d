/** One sentence of a text: where it starts and ends, without the spaces or line breaks after it. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * The sentences of `text` by the rules of `language` (Intl.Segmenter: "Dr. Smith" in English, "。"
 * in Japanese). The whitespace between sentences belongs to none of them, so gluing the sentences
 * back with the text between them gives `text` exactly.
 */
export function splitSentences(text: string, language: string): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const kept = segment.trim();
    if (kept) sentences.push({ text: kept, start: index + leading, end: index + leading + kept.length });
  }
  return sentences;
}

/** `text` with `sentence` (found in it by splitSentences) replaced by `replacement`. */
export function replaceSentence(text: string, sentence: Sentence, replacement: string): string {
  if (text.slice(sentence.start, sentence.end) !== sentence.text) throw new Error('The sentence is no longer in the text.');
  return text.slice(0, sentence.start) + replacement.trim() + text.slice(sentence.end);
}
