import { expect, test } from 'vitest';
import { contestantName, oneModelNote, pickContestants } from './contestant';

/** A random source that returns these values in turn. */
const draws = (...values: number[]) => () => values.shift() ?? 0;

test('two different models are drawn from those offered, in the order drawn', () => {
  expect(pickContestants(['m1', 'm2', 'm3'], draws(0, 0))).toEqual({ a: { model: 'm1' }, b: { model: 'm2' } });
  expect(pickContestants(['m1', 'm2', 'm3'], draws(0.99, 0.99))).toEqual({ a: { model: 'm3' }, b: { model: 'm2' } });
  expect(pickContestants(['m1', 'm2', 'm3'], draws(0.5, 0.6))).toEqual({ a: { model: 'm2' }, b: { model: 'm1' } });
});

test('every draw gives two different models, and every pair comes up', () => {
  const pairs = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const { a, b } = pickContestants(['m1', 'm2', 'm3']);
    expect(a.model).not.toBe(b.model);
    pairs.add(`${a.model}-${b.model}`);
  }
  expect(pairs.size).toBe(6);
});

test('with one model, it is compared with itself at two temperatures, either way round, and the battle says why', () => {
  expect(pickContestants(['only'], draws(0.1))).toEqual({ a: { model: 'only', temperature: 0.2 }, b: { model: 'only', temperature: 1.2 }, note: oneModelNote });
  expect(pickContestants(['only', 'only'], draws(0.9))).toMatchObject({ a: { temperature: 1.2 }, b: { temperature: 0.2 } });
});

test('no model offered is a mistake of the caller', () => {
  expect(() => pickContestants([])).toThrow();
});

test('a contestant is named by its model, and its temperature when that is what is compared', () => {
  expect(contestantName({ model: 'gpt-4.1-mini' })).toBe('gpt-4.1-mini');
  expect(contestantName({ model: 'rill-offline-demo', temperature: 0.2 })).toBe('rill-offline-demo @ temperature 0.2');
});
