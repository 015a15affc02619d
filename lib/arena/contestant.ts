import type { ArenaContestant } from '@/lib/db/schema';

/** Who answers one side of a battle: a model, and the temperature it was asked at when that is what is compared. */
export type Contestant = ArenaContestant;

export const arenaSides = ['a', 'b'] as const;
export type ArenaSide = (typeof arenaSides)[number];

/**
 * With one model there is nothing to compare models with, so the arena compares two of its settings
 * instead: a careful temperature and a loose one, far enough apart that answers differ.
 */
export const TEMPERATURE_PAIR = [0.2, 1.2] as const;

export const oneModelNote = 'The arena needs two models; this server offers one, so it compares two temperatures of it.';

export interface Matchup {
  a: Contestant;
  b: Contestant;
  /** Said to the user when the battle is not between two models. */
  note?: string;
}

/**
 * Two different models drawn at random from those offered, in random order; with only one model,
 * that model at two temperatures (which of them is A at random too, so a side's label says nothing).
 * `random` returns [0, 1) like Math.random, injectable so tests can choose the draw.
 */
export function pickContestants(models: readonly string[], random: () => number = Math.random): Matchup {
  const offered = [...new Set(models)];
  if (offered.length === 0) throw new Error('No model is offered.');
  if (offered.length === 1) {
    const [low, high] = TEMPERATURE_PAIR;
    const model = offered[0]!;
    const [a, b] = random() < 0.5 ? [low, high] : [high, low];
    return { a: { model, temperature: a }, b: { model, temperature: b }, note: oneModelNote };
  }
  const first = Math.floor(random() * offered.length);
  // Drawn from the others, so the two always differ and every pair is as likely.
  const second = (first + 1 + Math.floor(random() * (offered.length - 1))) % offered.length;
  return { a: { model: offered[first]! }, b: { model: offered[second]! } };
}

/** A contestant as the leaderboard names it: the model, or "model @ temperature t" for a temperature battle. */
export function contestantName({ model, temperature }: Contestant): string {
  return temperature === undefined ? model : `${model} @ temperature ${temperature}`;
}

/** The battle route's answer (201): nothing in it names a contestant. */
export interface BattleCreated {
  battleId: string;
  note?: string;
}
