import { describe, expect, test } from 'vitest';
import { bradleyTerry, leaderboard, seededRandom, type RatedVote } from './rating';

const times = (count: number, vote: RatedVote): RatedVote[] => Array.from({ length: count }, () => vote);

describe('bradleyTerry', () => {
  test('two contestants who beat each other equally often are rated the same, at the average', () => {
    const ratings = bradleyTerry([...times(5, { a: 'x', b: 'y', choice: 'a' }), ...times(5, { a: 'x', b: 'y', choice: 'b' })], ['x', 'y']);
    expect(ratings.get('x')).toBeCloseTo(1000, 6);
    expect(ratings.get('y')).toBeCloseTo(1000, 6);
  });

  test('ties and "both are bad" count half a win each way', () => {
    const ratings = bradleyTerry([{ a: 'x', b: 'y', choice: 'tie' }, { a: 'y', b: 'x', choice: 'both-bad' }], ['x', 'y']);
    expect(ratings.get('x')).toBeCloseTo(ratings.get('y')!, 6);
  });

  test('one that always wins is rated above the one it beats, more so with more votes, and never infinitely', () => {
    const few = bradleyTerry(times(2, { a: 'x', b: 'y', choice: 'a' }), ['x', 'y']);
    const many = bradleyTerry(times(20, { a: 'y', b: 'x', choice: 'b' }), ['x', 'y']);
    expect(few.get('x')!).toBeGreaterThan(few.get('y')!);
    expect(many.get('x')! - many.get('y')!).toBeGreaterThan(few.get('x')! - few.get('y')!);
    expect(Number.isFinite(many.get('x'))).toBe(true);
  });

  test('the order follows the evidence through a chain: x beats y, y beats z', () => {
    const ratings = bradleyTerry([...times(6, { a: 'x', b: 'y', choice: 'a' }), ...times(6, { a: 'y', b: 'z', choice: 'a' })], ['x', 'y', 'z']);
    expect(ratings.get('x')!).toBeGreaterThan(ratings.get('y')!);
    expect(ratings.get('y')!).toBeGreaterThan(ratings.get('z')!);
  });
});

describe('leaderboard', () => {
  const votes: RatedVote[] = [
    ...times(7, { a: 'x', b: 'y', choice: 'a' }),
    ...times(3, { a: 'x', b: 'y', choice: 'b' }),
    ...times(2, { a: 'y', b: 'x', choice: 'tie' }),
    { a: 'x', b: 'y', choice: 'both-bad' },
  ];

  test('ranks best first with each record; ties include "both are bad"', () => {
    const [first, second] = leaderboard(votes);
    expect(first).toMatchObject({ contestant: 'x', votes: 13, wins: 7, ties: 3, losses: 3 });
    expect(second).toMatchObject({ contestant: 'y', votes: 13, wins: 3, ties: 3, losses: 7 });
    expect(first!.rating).toBeGreaterThan(second!.rating);
  });

  test('each interval contains its estimate and has width', () => {
    for (const row of leaderboard(votes)) {
      expect(row.low).toBeLessThanOrEqual(row.rating);
      expect(row.high).toBeGreaterThanOrEqual(row.rating);
      expect(row.high - row.low).toBeGreaterThan(0);
    }
  });

  test('the same votes and seed give the same table; another seed other intervals but the same ratings', () => {
    expect(leaderboard(votes)).toEqual(leaderboard(votes));
    const other = leaderboard(votes, { seed: 99 });
    expect(other.map((row) => row.rating)).toEqual(leaderboard(votes).map((row) => row.rating));
    expect(other.map((row) => row.low)).not.toEqual(leaderboard(votes).map((row) => row.low));
  });

  test('one vote: each side has one vote, the winner on top', () => {
    expect(leaderboard([{ a: 'x', b: 'y', choice: 'b' }]).map(({ contestant, votes, wins, losses }) => ({ contestant, votes, wins, losses }))).toEqual([
      { contestant: 'y', votes: 1, wins: 1, losses: 0 },
      { contestant: 'x', votes: 1, wins: 0, losses: 1 },
    ]);
  });

  test('no votes, no rows', () => {
    expect(leaderboard([])).toEqual([]);
  });
});

test('seededRandom repeats its sequence for a seed, within [0, 1)', () => {
  const first = seededRandom(5);
  const again = seededRandom(5);
  const drawn = Array.from({ length: 100 }, () => first());
  expect(Array.from({ length: 100 }, () => again())).toEqual(drawn);
  expect(drawn.every((value) => value >= 0 && value < 1)).toBe(true);
  expect(new Set(drawn).size).toBe(100);
});
