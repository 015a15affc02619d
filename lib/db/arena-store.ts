import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { sharedDatabase, type Database } from './database';
import { arenaBattles, arenaVotes, type ArenaContestant, type ArenaVoteChoice } from './schema';

/** What one side of a battle is asked: the battle's prompt, of its contestant. */
export interface BattleSide {
  prompt: string;
  contestant: ArenaContestant;
}

/** A vote with the two contestants it was between. */
export interface CastVote {
  a: ArenaContestant;
  b: ArenaContestant;
  choice: ArenaVoteChoice;
}

export type VoteResult = { status: 'ok'; vote: CastVote } | { status: 'missing' } | { status: 'voted' };

/**
 * Arena battles and their votes. A battle is its owner's: only they ask its answers and vote on it,
 * once. Every vote of everyone feeds one leaderboard.
 */
export interface ArenaStore {
  create(ownerId: string, battle: { prompt: string; a: ArenaContestant; b: ArenaContestant }, options?: { now?: number }): Promise<{ id: string }>;
  /** One side of the owner's battle; null when the owner has no such battle. */
  side(ownerId: string, battleId: string, side: 'a' | 'b'): Promise<BattleSide | null>;
  /** The voter's verdict on their own battle, and who answered; refused when it is not theirs or they voted on it already. */
  vote(voterId: string, battleId: string, choice: ArenaVoteChoice, options?: { now?: number }): Promise<VoteResult>;
  /** Every vote of everyone, for the leaderboard. */
  votes(): Promise<CastVote[]>;
  /** Hands every battle and vote of `fromOwner` to `toOwner` (a guest who signs in). */
  transfer(fromOwner: string, toOwner: string): Promise<void>;
  /** Deletes the owner's battles, and the votes on them (account deletion). Returns how many battles. */
  removeOwner(ownerId: string): Promise<number>;
}

/** 16 random bytes, URL-safe: a battle's id says nothing about its contestants or its order. */
function newBattleId(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether `value` could name a battle at all: anything else is missing without asking the database. */
export function isBattleId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}

export function createArenaStore(db: Database): ArenaStore {
  return {
    create: async (ownerId, { prompt, a, b }, { now = Date.now() } = {}) => {
      const [created] = await db.insert(arenaBattles).values({ id: newBattleId(), ownerId, prompt, contestantA: a, contestantB: b, createdAt: now }).returning({ id: arenaBattles.id });
      return created!;
    },

    side: async (ownerId, battleId, side) => {
      if (!isBattleId(battleId)) return null;
      const [row] = await db
        .select({ prompt: arenaBattles.prompt, contestant: side === 'a' ? arenaBattles.contestantA : arenaBattles.contestantB })
        .from(arenaBattles)
        .where(and(eq(arenaBattles.id, battleId), eq(arenaBattles.ownerId, ownerId)));
      return row ?? null;
    },

    vote: async (voterId, battleId, choice, { now = Date.now() } = {}) => {
      if (!isBattleId(battleId)) return { status: 'missing' };
      const [battle] = await db
        .select({ a: arenaBattles.contestantA, b: arenaBattles.contestantB })
        .from(arenaBattles)
        .where(and(eq(arenaBattles.id, battleId), eq(arenaBattles.ownerId, voterId)));
      if (!battle) return { status: 'missing' };
      // The key decides, not a read before the write: two votes sent at once cannot both count.
      const inserted = await db.insert(arenaVotes).values({ battleId, voterId, choice, createdAt: now }).onConflictDoNothing().returning({ battleId: arenaVotes.battleId });
      return inserted.length === 0 ? { status: 'voted' } : { status: 'ok', vote: { a: battle.a, b: battle.b, choice } };
    },

    votes: () =>
      db
        .select({ a: arenaBattles.contestantA, b: arenaBattles.contestantB, choice: arenaVotes.choice })
        .from(arenaVotes)
        .innerJoin(arenaBattles, eq(arenaVotes.battleId, arenaBattles.id)),

    transfer: async (fromOwner, toOwner) => {
      if (fromOwner === toOwner) return;
      await db.update(arenaBattles).set({ ownerId: toOwner }).where(eq(arenaBattles.ownerId, fromOwner));
      await db.update(arenaVotes).set({ voterId: toOwner }).where(eq(arenaVotes.voterId, fromOwner));
    },

    removeOwner: async (ownerId) => {
      const removed = await db.delete(arenaBattles).where(eq(arenaBattles.ownerId, ownerId)).returning({ id: arenaBattles.id });
      return removed.length;
    },
  };
}

/** The process's store, on the shared database (migrated before first use). */
export async function arenaStore(): Promise<ArenaStore> {
  return createArenaStore(await sharedDatabase());
}
