import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from './bearer-token';

describe('bearerTokenMatches', () => {
  it('accepts exactly the expected bearer token', () => {
    expect(bearerTokenMatches('Bearer s3cret', 's3cret')).toBe(true);
    expect(bearerTokenMatches('bearer s3cret', 's3cret')).toBe(true);
  });

  it('refuses a missing, different or differently shaped token', () => {
    for (const header of [null, '', 'Bearer', 'Bearer s3cre', 'Bearer s3cret2', 'Basic s3cret', 's3cret']) expect(bearerTokenMatches(header, 's3cret')).toBe(false);
  });
});
