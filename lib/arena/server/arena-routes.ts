import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { NoServerStore, ownerRequest } from '@/lib/accounts/server/owner-request';
import { listModels } from '@/lib/ai/model-list';
import { rillConfig, type ArenaConfig } from '@/lib/config';
import { arenaStore, type ArenaStore } from '@/lib/db/arena-store';
import { keepsHistory } from '@/lib/db/database';
import { processSingleton } from '@/lib/process-singleton';
import { clientOf } from '@/lib/server/client-identity';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import { createClientBudget, type ClientBudget, type ClientLimits } from '@/lib/server/rate-limit';
import { sharedRedis } from '@/lib/server/redis';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { contestantName, pickContestants, type BattleCreated, type Contestant } from '../contestant';
import { leaderboard, type LeaderboardRow, type RatedVote } from '../rating';
import { createBattleSchema, voteSchema } from '../schemas';
import type { VoteResponse } from '../vote';

/** What the arena's routes run on: where battles are kept, who owns a request, the models on offer, and the per-client budgets. */
export interface ArenaServices {
  /** Rejects when the database cannot be reached, or there is none (NoServerStore). */
  arena: () => Promise<ArenaStore>;
  ownerOf: (request: Request, options: { newGuest: boolean }) => Promise<RequestOwner | null>;
  limits: Pick<ClientLimits, 'admitRequest'>;
  /** The models this server offers, from which contestants are drawn. */
  models: () => Promise<string[]>;
  random: () => number;
  battles: ClientBudget;
  votes: ClientBudget;
  config: ArenaConfig;
}

export const arenaUnavailableMessage = 'The arena could not reach its database just now. Try again in a moment; your prompt is kept.';
export const noServerArenaMessage = 'This deployment keeps nothing on the server, so the arena has nowhere to keep battles and votes.';

export function defaultArenaServices(): ArenaServices {
  return processSingleton('arena-services', () => {
    const config = rillConfig();
    return {
      arena: keepsHistory(config) ? arenaStore : () => Promise.reject(new NoServerStore(noServerArenaMessage)),
      ownerOf: async (request, options) => (await sharedAccounts()).ownerOf(request, options),
      limits: pipelineServices().limits,
      models: async () => (await listModels()).models,
      random: Math.random,
      battles: createClientBudget(sharedRedis(), 'arena-battles', config.arena.battlesPerHour, 60 * 60),
      votes: createClientBudget(sharedRedis(), 'arena-votes', config.arena.votesPerHour, 60 * 60),
      config: config.arena,
    };
  });
}

const forOwner = (services: ArenaServices) => ({ store: services.arena, ownerOf: services.ownerOf, limits: services.limits });

const overHourly = (what: string, perHour: number, retryAfter: number) =>
  jsonError(429, `You have ${what} ${perHour} times in the last hour, as often as one person may. Try again in ${Math.ceil(retryAfter / 60)} min.`, {
    code: 'rate_limited',
    retryAfter,
  });

/**
 * POST /api/arena/battles — a new battle on the prompt: two contestants drawn from the models on
 * offer (or one model at two temperatures), kept for the requester. The answer names neither.
 */
export function createBattleRoute(services: () => ArenaServices = defaultArenaServices) {
  return async function POST(request: Request): Promise<Response> {
    const current = services();
    return ownerRequest(request, forOwner(current), { expectsJson: true, unavailable: arenaUnavailableMessage }, async (arena, owner, { limitKey }) => {
      if (!owner) return jsonError(401, 'Rill could not tell whose battle this would be. Reload the page and try again.', { code: 'auth' });
      const parsed = await parseJsonRequest(request, createBattleSchema);
      if (!parsed.ok) return parsed.response;
      const over = await current.battles.spend(limitKey);
      if (over) return overHourly('started a battle', current.config.battlesPerHour, over.retryAfter);
      const { a, b, note } = pickContestants(await current.models(), current.random);
      const { id } = await arena.create(owner.ownerId, { prompt: parsed.data.prompt, a, b });
      return Response.json({ battleId: id, ...(note ? { note } : {}) } satisfies BattleCreated, { status: 201 });
    });
  };
}

type BattleParams = { params: Promise<{ battleId: string }> };

const revealed = (contestant: Contestant) => ({ ...contestant, name: contestantName(contestant) });

/**
 * POST /api/arena/battles/:id/vote — the owner's verdict, once per battle; the answer reveals who
 * answered each side. Votes are sent whenever the owner chooses: the page offers them once both
 * answers ended, but the server cannot see the panes, and the blind holds either way.
 */
export function voteRoute(services: () => ArenaServices = defaultArenaServices) {
  return async function POST(request: Request, { params }: BattleParams): Promise<Response> {
    const { battleId } = await params;
    const current = services();
    return ownerRequest(request, forOwner(current), { expectsJson: true, newGuest: false, unavailable: arenaUnavailableMessage }, async (arena, owner, { limitKey }) => {
      const parsed = await parseJsonRequest(request, voteSchema);
      if (!parsed.ok) return parsed.response;
      const over = await current.votes.spend(limitKey);
      if (over) return overHourly('voted', current.config.votesPerHour, over.retryAfter);
      const result = owner ? await arena.vote(owner.ownerId, battleId, parsed.data.choice) : { status: 'missing' as const };
      if (result.status === 'missing') return jsonError(404, 'There is no such battle among yours: start a new one.', { code: 'bad_request' });
      if (result.status === 'voted') return jsonError(409, 'You have already voted on this battle: one vote per battle. Start a new battle to vote again.', { code: 'bad_request' });
      const { a, b, choice } = result.vote;
      return Response.json({ reveal: { a: revealed(a), b: revealed(b), choice } } satisfies VoteResponse);
    });
  };
}

export type LeaderboardRead = { status: 'ok'; rows: LeaderboardRow[] } | { status: 'unavailable'; message: string };

/** The leaderboard from every vote so far, for its page and its JSON alike; a database that does not answer is said so. */
export async function readLeaderboard(services: ArenaServices = defaultArenaServices()): Promise<LeaderboardRead> {
  try {
    const votes = await (await services.arena()).votes();
    return { status: 'ok', rows: leaderboard(votes.map(({ a, b, choice }): RatedVote => ({ a: contestantName(a), b: contestantName(b), choice }))) };
  } catch (error) {
    if (error instanceof NoServerStore) return { status: 'unavailable', message: error.message };
    console.error('The arena is unavailable:', error instanceof Error ? error.message : String(error));
    return { status: 'unavailable', message: arenaUnavailableMessage };
  }
}

/** GET /api/arena/leaderboard — everyone's votes as ratings with intervals and records; anyone may read it. */
export function leaderboardRoute(services: () => ArenaServices = defaultArenaServices) {
  return async function GET(request: Request): Promise<Response> {
    const refused = refusedBeforeBudget(request, { expectsJson: false });
    if (refused) return refused;
    const current = services();
    const overBudget = await current.limits.admitRequest(clientOf(request));
    if (overBudget) return jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter });
    const read = await readLeaderboard(current);
    const headers = { 'cache-control': 'no-store' };
    return read.status === 'ok' ? Response.json({ rows: read.rows }, { headers }) : jsonError(503, read.message, { code: 'unavailable', headers });
  };
}
