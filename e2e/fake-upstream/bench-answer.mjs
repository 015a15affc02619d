// Long answers for the rendering benchmark (bench/scenarios/rendering.mjs): N tokens of
// varied markdown, and a plain-prose baseline with the same paragraph rhythm, so the
// difference between the two is the cost of rendering markup and nothing else.

import { fillerTokens, tokenize } from './answer.mjs';

// One long filler run, sliced: regenerating it per block made 10,000 tokens take seconds.
let filler = [];
function prose(start, words) {
  if (filler.length < start + words) filler = fillerTokens(2 * (start + words));
  return filler.slice(start, start + words).join('').trim().replace(/\.?$/, '.');
}

/** One of each block a real answer mixes: heading, prose with inline marks, lists, code, a table. */
function markdownBlock(k) {
  const w = (i) => prose(k * 97 + i * 13, 1).replace(/\.$/, '');
  switch (k % 6) {
    case 0:
      return `## Section ${k + 1}: ${w(0)} ${w(1)}`;
    case 1:
      return `${prose(k * 31, 24)} The **${w(2)} ${w(3)}** step calls \`${w(4)}()\` and links to [the ${w(5)} guide](https://example.com/${w(5)}). ${prose(k * 17, 20)}`;
    case 2:
      return [1, 2, 3, 4, 5].map((i) => `- ${prose(k * 7 + i * 5, 5)} with **${w(i)}** and \`${w(i + 5)}\``).join('\n');
    case 3:
      return [
        '```ts',
        `type ${cap(w(0))} = { id: string; ${w(1)}: number };`,
        '',
        `export function ${w(2)}Total(items: ${cap(w(0))}[]): number {`,
        '  let total = 0;',
        `  for (const item of items) total += item.${w(1)};`,
        `  return total; // ${w(3)} ${w(4)}`,
        '}',
        '```',
      ].join('\n');
    case 4:
      return [
        `| ${cap(w(0))} | ${cap(w(1))} | Count |`,
        '| --- | --- | ---: |',
        ...[1, 2, 3, 4].map((i) => `| ${w(i + 2)} | ${w(i + 6)} \`${w(i + 10)}\` | ${k * 10 + i} |`),
      ].join('\n');
    default:
      return [1, 2, 3].map((i) => `${i}. ${prose(k * 11 + i * 3, 8)}`).join('\n') + `\n\n> ${prose(k * 5, 12)}`;
  }
}

const cap = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** A plain paragraph about as long as the average markdown block. */
const plainBlock = (k) => prose(k * 31, 40);

function blocksToTokens(n, block) {
  const tokens = [];
  for (let k = 0; tokens.length < n; k++) tokens.push(...tokenize((k > 0 ? '\n\n' : '') + block(k)));
  return tokens.slice(0, n);
}

/** @param {number} n @returns {string[]} exactly n tokens of mixed markdown */
export const benchMarkdownTokens = (n) => blocksToTokens(n, markdownBlock);

/** @param {number} n @returns {string[]} exactly n tokens of plain paragraphs */
export const benchPlainTokens = (n) => blocksToTokens(n, plainBlock);
