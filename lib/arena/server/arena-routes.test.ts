import { expect, test } from 'vitest';
import type { ArenaStore, VoteResult } from '@/lib/db/arena-store';
import type { Contestant } from '../contestant';
import type { VoteChoice } from '../vote';
import { createBattleRoute, leaderboardRoute, voteRoute, type ArenaServices } from './arena-routes';

/** The routes on a store in memory; `over…` makes a budget refuse. */
function arenaRoutes({ models = ['m1', 'm2'], owner = 'guest:me' as string | null, overBattles = false, overVotes = false, failing = false } = {}) {
  const battles = new Map<string, { ownerId: string; prompt: string; a: Contestant; b: Contestant; votes: Map<string, VoteChoice> }>();
  const store: ArenaStore = {
    create: async (ownerId, { prompt, a, b }) => {
      const id = `battle-${battles.size + 1}`.padEnd(22, 'x');
      battles.set(id, { ownerId, prompt, a, b, votes: new Map() });
      return { id };
    },
    side: async (ownerId, battleId, side) => {
      const battle = battles.get(battleId);
      return battle?.ownerId === ownerId ? { prompt: battle.prompt, contestant: battle[side] } : null;
    },
    vote: async (voterId, battleId, choice): Promise<VoteResult> => {
      const battle = battles.get(battleId);
      if (battle?.ownerId !== voterId) return { status: 'missing' };
      if (battle.votes.has(voterId)) return { status: 'voted' };
      battle.votes.set(voterId, choice);
      return { status: 'ok', vote: { a: battle.a, b: battle.b, choice } };
    },
    votes: async () => [...battles.values()].flatMap((battle) => [...battle.votes.values()].map((choice) => ({ a: battle.a, b: battle.b, choice }))),
    transfer: async () => undefined,
    removeOwner: async () => 0,
  };
  const services: ArenaServices = {
    arena: async () => (failing ? Promise.reject(new Error('connection refused')) : store),
    ownerOf: async () => (owner ? { kind: 'guest', ownerId: owner } : null),
    limits: { admitRequest: async () => null },
    models: async () => models,
    random: () => 0,
    battles: { spend: async () => (overBattles ? { retryAfter: 600 } : null) },
    votes: { spend: async () => (overVotes ? { retryAfter: 60 } : null) },
    config: { battlesPerHour: 60, votesPerHour: 60 },
  };
  const json = { 'content-type': 'application/json' };
  return {
    battles,
    create: (body: unknown) => createBattleRoute(() => services)(new Request('http://rill.test/api/arena/battles', { method: 'POST', headers: json, body: JSON.stringify(body) })),
    vote: (battleId: string, body: unknown) =>
      voteRoute(() => services)(new Request(`http://rill.test/api/arena/battles/${battleId}/vote`, { method: 'POST', headers: json, body: JSON.stringify(body) }), {
        params: Promise.resolve({ battleId }),
      }),
    leaderboard: () => leaderboardRoute(() => services)(new Request('http://rill.test/api/arena/leaderboard')),
  };
}

test('a battle is kept for its owner with two models, and its answer names neither', async () => {
  const routes = arenaRoutes();
  const response = await routes.create({ prompt: 'Which?' });
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(body).toEqual({ battleId: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/m1|m2/);
  expect(routes.battles.get(body.battleId)).toMatchObject({ ownerId: 'guest:me', prompt: 'Which?', a: { model: 'm1' }, b: { model: 'm2' } });
});

test('with one model, the battle says it compares two temperatures', async () => {
  const body = await (await arenaRoutes({ models: ['only'] }).create({ prompt: 'Which?' })).json();
  expect(body.note).toMatch(/needs two models.*two temperatures/);
});

test('a bad prompt is a 400 with a message; past the hourly budget a 429 with retry-after', async () => {
  const bad = await arenaRoutes().create({ prompt: ' ' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: expect.stringContaining('Write a prompt first.') });
  const over = await arenaRoutes({ overBattles: true }).create({ prompt: 'Which?' });
  expect(over.status).toBe(429);
  expect(over.headers.get('retry-after')).toBe('600');
  expect(await over.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/started a battle 60 times.*10 min/) });
});

test('the owner votes once: the vote reveals both sides and counts; a second is a 409 with a message', async () => {
  const routes = arenaRoutes();
  const { battleId } = await (await routes.create({ prompt: 'Which?' })).json();
  const first = await routes.vote(battleId, { choice: 'b' });
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ reveal: { a: { model: 'm1', name: 'm1' }, b: { model: 'm2', name: 'm2' }, choice: 'b' } });
  const second = await routes.vote(battleId, { choice: 'a' });
  expect(second.status).toBe(409);
  expect(await second.json()).toMatchObject({ error: expect.stringMatching(/already voted/) });
  const { rows } = await (await routes.leaderboard()).json();
  expect(rows.map((row: { contestant: string; votes: number }) => [row.contestant, row.votes])).toEqual([
    ['m2', 1],
    ['m1', 1],
  ]);
});

test('nobody votes on a battle that is not theirs, or with a choice that is not one', async () => {
  const routes = arenaRoutes();
  const { battleId } = await (await routes.create({ prompt: 'Which?' })).json();
  expect((await routes.vote(battleId, { choice: 'maybe' })).status).toBe(400);
  expect((await routes.vote('someone-elses-battle-id', { choice: 'a' })).status).toBe(404);
  expect((await routes.vote(battleId, { choice: 'a' })).status).toBe(200);
});

test('votes past the hourly budget are refused before they count', async () => {
  const routes = arenaRoutes({ overVotes: true });
  const { battleId } = await (await routes.create({ prompt: 'Which?' })).json();
  const over = await routes.vote(battleId, { choice: 'a' });
  expect(over.status).toBe(429);
  expect(await over.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/voted 60 times/) });
  expect(routes.battles.get(battleId)!.votes.size).toBe(0);
});

test('a database that cannot be reached is a 503 that says so', async () => {
  const routes = arenaRoutes({ failing: true });
  expect((await routes.create({ prompt: 'Which?' })).status).toBe(503);
  const board = await routes.leaderboard();
  expect(board.status).toBe(503);
  expect(await board.json()).toMatchObject({ code: 'unavailable' });
});
