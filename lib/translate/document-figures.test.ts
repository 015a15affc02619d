import { describe, expect, it } from 'vitest';
import { documentTokensPerSecond } from './document-figures';

describe('tokens per second over a document', () => {
  it('counts the tokens after the first over the time from the first token to the last, across paragraphs', () => {
    expect(
      documentTokensPerSecond([
        { firstTokenAt: 1_000, lastTokenAt: 1_500, pieces: 4, outputTokens: 6 },
        { firstTokenAt: 1_200, lastTokenAt: 2_000, pieces: 5 },
        { pieces: 0 },
      ]),
    ).toBe(10);
  });

  it('has no rate before two tokens have arrived', () => {
    expect(documentTokensPerSecond([])).toBeUndefined();
    expect(documentTokensPerSecond([{ firstTokenAt: 5, lastTokenAt: 5, pieces: 1 }])).toBeUndefined();
  });
});
