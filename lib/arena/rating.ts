import { scoreForA, type VoteChoice } from './vote';

/** One vote as the ratings read it: the two contestants by name, and which side won. */
export interface RatedVote {
  a: string;
  b: string;
  choice: VoteChoice;
}

export interface LeaderboardRow {
  contestant: string;
  /** On the Elo scale: 1000 is the prior's average, 400 points are 10:1 odds of winning. */
  rating: number;
  /** 95% interval of the rating, by bootstrap over the votes. */
  low: number;
  high: number;
  votes: number;
  wins: number;
  /** Ties and "both are bad" alike. */
  ties: number;
  losses: number;
}

export interface LeaderboardOptions {
  /** Resamples of the votes for the interval; more is steadier and slower. */
  rounds?: number;
  /** Seeds the resampling, so the same votes always give the same table. */
  seed?: number;
}

const ELO_BASE = 1000;
const ELO_SCALE = 400;
/**
 * Each contestant also plays one imagined tie against an average opponent (strength 1). Without it a
 * contestant that never lost would have an infinite strength, and one that never won a zero; with it
 * a few votes move a rating a little and many votes move it to where the votes say.
 */
const PRIOR_GAMES = 1;
const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-10;

/**
 * The Bradley–Terry model (P(i beats j) = p_i / (p_i + p_j)) fitted by minorization–maximization
 * (Hunter 2004): each step sets p_i to its wins over the sum of games / (p_i + p_j), which never
 * lowers the likelihood. Ties count half a win to each side. Returns each contestant's rating.
 */
export function bradleyTerry(votes: readonly RatedVote[], contestants: readonly string[]): Map<string, number> {
  const index = new Map(contestants.map((name, i) => [name, i]));
  const n = contestants.length;
  const wins = new Float64Array(n).fill(PRIOR_GAMES / 2);
  // Games between each pair, both ways round.
  const games = new Map<number, number>();
  for (const vote of votes) {
    const i = index.get(vote.a)!;
    const j = index.get(vote.b)!;
    const score = scoreForA(vote.choice);
    wins[i]! += score;
    wins[j]! += 1 - score;
    const key = i < j ? i * n + j : j * n + i;
    games.set(key, (games.get(key) ?? 0) + 1);
  }
  const pairs = [...games].map(([key, count]) => ({ i: Math.floor(key / n), j: key % n, count }));

  let strength = new Float64Array(n).fill(1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const denominator = new Float64Array(n);
    for (let i = 0; i < n; i++) denominator[i] = PRIOR_GAMES / (strength[i]! + 1);
    for (const { i, j, count } of pairs) {
      const share = count / (strength[i]! + strength[j]!);
      denominator[i]! += share;
      denominator[j]! += share;
    }
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] = wins[i]! / denominator[i]!;
      change = Math.max(change, Math.abs(Math.log(next[i]! / strength[i]!)));
    }
    strength = next;
    if (change < TOLERANCE) break;
  }
  return new Map(contestants.map((name, i) => [name, ELO_BASE + ELO_SCALE * Math.log10(strength[i]!)]));
}

/**
 * The table: every contestant with a vote, its rating from all votes, a 95% interval from the
 * ratings of `rounds` resamples of the votes (drawn with replacement, from a seeded generator), and
 * its record. Best first.
 */
export function leaderboard(votes: readonly RatedVote[], { rounds = 200, seed = 17 }: LeaderboardOptions = {}): LeaderboardRow[] {
  const contestants = [...new Set(votes.flatMap((vote) => [vote.a, vote.b]))].sort();
  if (contestants.length === 0) return [];
  const ratings = bradleyTerry(votes, contestants);
  const random = seededRandom(seed);
  const samples = new Map(contestants.map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    const resample = votes.map(() => votes[Math.floor(random() * votes.length)]!);
    for (const [name, rating] of bradleyTerry(resample, contestants)) samples.get(name)!.push(rating);
  }
  return contestants
    .map((contestant) => {
      const sorted = samples.get(contestant)!.sort((x, y) => x - y);
      const rating = ratings.get(contestant)!;
      return {
        contestant,
        rating,
        low: sorted.length ? quantile(sorted, 0.025) : rating,
        high: sorted.length ? quantile(sorted, 0.975) : rating,
        ...recordOf(contestant, votes),
      };
    })
    .sort((x, y) => y.rating - x.rating || x.contestant.localeCompare(y.contestant));
}

function recordOf(contestant: string, votes: readonly RatedVote[]) {
  const record = { votes: 0, wins: 0, ties: 0, losses: 0 };
  for (const vote of votes) {
    if (vote.a !== contestant && vote.b !== contestant) continue;
    record.votes++;
    const score = vote.a === contestant ? scoreForA(vote.choice) : 1 - scoreForA(vote.choice);
    if (score === 1) record.wins++;
    else if (score === 0) record.losses++;
    else record.ties++;
  }
  return record;
}

/** Linear interpolation between the two nearest order statistics of a sorted sample. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** mulberry32: a small, fast 32-bit generator, plenty for resampling, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
