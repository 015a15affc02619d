// What the fake model "says", and how it is cut into streamed tokens.

import { benchMarkdownTokens, benchPlainTokens } from './bench-answer.mjs';

// Enough distinct words that long answers look like prose to the renderer
// (wrapping, scrolling) while staying byte-for-byte reproducible across runs.
const FILLER = (
  'river stone light quiet signal morning window paper garden thread ' +
  'harbor lantern copper meadow whisper engine orbit cedar canyon velvet ' +
  'pattern north echo timber silver market bridge falcon marble summer'
).split(' ');

export const MARKDOWN_SAMPLE = `## Streaming status

Rill renders **bold text**, \`inline code\` and plain prose while tokens are still arriving.

- First item in the list
- Second item with **emphasis**
- Third item with \`code\`

\`\`\`ts
type Chunk = { id: string; text: string };

export function join(chunks: Chunk[]): string {
  let out = '';
  for (const chunk of chunks) {
    out += chunk.text;
  }
  return out;
}
\`\`\`

| Model | Context | Speed |
| --- | --- | --- |
| fake-small | 8k | fast |
| fake-large | 128k | slow |
`;

/** Deterministic filler: N words, each its own token, with a sentence break now and then. */
export function fillerTokens(n) {
  const tokens = [];
  for (let i = 0; i < n; i++) {
    // A stride coprime with the list length walks every word before repeating,
    // and the i/len term shifts each lap so the sequence doesn't visibly loop.
    let word = FILLER[(i * 7 + Math.floor(i / FILLER.length)) % FILLER.length];
    if (i % 12 === 11 || i === n - 1) word += '.';
    tokens.push(' ' + word);
  }
  return tokens;
}

/**
 * Small pieces that concatenate back to exactly `text`: each word with the
 * whitespace in front of it ("Echo:", " hello", " world"), like a real BPE stream.
 */
export function tokenize(text) {
  if (!text) return [];
  // Trailing whitespace rides on the last word so nothing is lost.
  return text.match(/\s*\S+(?:\s+$)?/g) ?? [text];
}

/** @returns {string[]} the answer's tokens, before any max_tokens cut */
export function answerTokens(cleanText, directives) {
  if (directives.bench) {
    const { kind, tokens } = directives.bench;
    return kind === 'markdown' ? benchMarkdownTokens(tokens) : benchPlainTokens(tokens);
  }
  let base;
  if (directives.reply !== undefined) base = directives.reply;
  else if (directives.replies) base = directives.replies.texts[Math.min(directives.repliesCall ?? 0, directives.replies.texts.length - 1)];
  else if (directives.markdown) base = MARKDOWN_SAMPLE;
  else base = cleanText ? `Echo: ${cleanText}` : 'Echo:';

  const tokens = tokenize(base);
  if (directives.long) tokens.push(...fillerTokens(directives.long));
  if (directives.think !== undefined && !directives.thinkHidden) tokens.unshift('<think>', ...tokenize(thinking(directives.think)), '</think>', '\n\n');
  return tokens;
}

/** N words of a model thinking out loud, the same every time. */
function thinking(words) {
  const thoughts = ['Let', 'me', 'think', 'about', 'what', 'is', 'asked', 'here', 'first.'];
  return Array.from({ length: words }, (_, i) => thoughts[i % thoughts.length]).join(' ');
}

/** Text of a chat message whose content is a string or an array of parts. */
export function contentText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => part && part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

export function lastUserText(messages) {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') return contentText(messages[i].content);
  }
  return '';
}

/** Rough prompt size: characters / 4, the usual rule of thumb for English. */
export function estimatePromptTokens(messages) {
  if (!Array.isArray(messages)) return 0;
  const chars = messages.reduce((sum, m) => sum + contentText(m?.content).length, 0);
  return Math.ceil(chars / 4);
}
