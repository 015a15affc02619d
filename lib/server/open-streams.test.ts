import { describe, expect, it } from 'vitest';
import { createOpenStreamCaps } from './open-streams';

describe('createOpenStreamCaps', () => {
  it('refuses a client past its own cap with 429, and frees its slot on release, once', () => {
    const caps = createOpenStreamCaps({ perClient: 2, total: 10 });
    const first = caps.open('a');
    const second = caps.open('a');
    expect(caps.open('a')).toMatchObject({ status: 429, message: expect.stringMatching(/at most 2 per person/) });
    // Another client is not affected.
    expect(caps.open('b')).toHaveProperty('release');
    if (!('release' in first) || !('release' in second)) throw new Error('expected both to open');
    first.release();
    first.release();
    expect(caps.open('a')).toHaveProperty('release');
    expect(caps.open('a')).toMatchObject({ status: 429 });
    expect(caps.openCount).toBe(3);
  });

  it('refuses everyone past the total with 503, until one closes', () => {
    const caps = createOpenStreamCaps({ perClient: 0, total: 3 });
    const held = ['a', 'b', 'c'].map((client) => caps.open(client));
    expect(caps.open('d')).toMatchObject({ status: 503, retryAfter: 30 });
    const one = held[0]!;
    if (!('release' in one)) throw new Error('expected it to open');
    one.release();
    expect(caps.open('d')).toHaveProperty('release');
  });

  it('caps nothing at 0', () => {
    const caps = createOpenStreamCaps({ perClient: 0, total: 0 });
    for (let i = 0; i < 1_000; i++) expect(caps.open('a')).toHaveProperty('release');
  });
});
