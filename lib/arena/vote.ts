import type { ArenaVoteChoice } from '@/lib/db/schema';
import type { Contestant } from './contestant';

export type VoteChoice = ArenaVoteChoice;
export const voteChoices = ['a', 'b', 'tie', 'both-bad'] as const satisfies readonly VoteChoice[];

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

/** A side as the page shows it once revealed: its leaderboard name, and what that is made of. */
export type RevealedContestant = Contestant & { name: string };

/** The vote route's answer (200). */
export interface VoteResponse {
  reveal: { a: RevealedContestant; b: RevealedContestant; choice: VoteChoice };
}
