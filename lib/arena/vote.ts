import type { Contestant } from './contestant';

export const voteChoices = ['a', 'b', 'tie', 'both-bad'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export const voteLabels: Record<VoteChoice, string> = { a: 'A is better', b: 'B is better', tie: 'Tie', 'both-bad': 'Both are bad' };

/**
 * What a vote scores for side A against B: a win is 1, a tie half each way. "Both are bad" says
 * neither is better than the other, so it counts as a tie too.
 */
export function scoreForA(choice: VoteChoice): number {
  if (choice === 'a') return 1;
  if (choice === 'b') return 0;
  return 0.5;
}

/** What a vote reveals: who answered each side. */
export interface BattleReveal {
  a: Contestant;
  b: Contestant;
  choice: VoteChoice;
}
