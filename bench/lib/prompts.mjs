// Prompts in the fake upstream's directive language (e2e/fake-upstream/directives.mjs).

let counter = 0;

/** A fresh tag per request: identical prompts could be answered from a cache or joined to one in flight. */
export const nonce = (label) => `${label}-${process.pid}-${++counter}-${Date.now().toString(36)}`;

/** Answered with exactly `tokens` tokens ("go" and filler words) at the upstream's pace unless `paceMs` is given. */
export function promptFor(tokens, { tag = nonce('bench'), paceMs } = {}) {
  const pace = paceMs === undefined ? '' : ` [[pace ${paceMs}]]`;
  return `${tag} [[reply go]]${tokens > 1 ? ` [[long ${tokens - 1}]]` : ''}${pace}`;
}
