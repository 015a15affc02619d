import 'server-only';
import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { NoServerStore } from '@/lib/accounts/server/owner-request';
import { panelAnswer } from '@/lib/collaborate/server/panel-answer';
import type { BattleSide } from '@/lib/db/arena-store';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { answerRoute } from '@/lib/server/answer-route';
import type { ParsedRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import type { Requester } from '@/lib/server/requester';
import { arenaAnswerSchema } from '../schemas';
import { arenaUnavailableMessage, defaultArenaServices, type ArenaServices } from './arena-routes';

/**
 * POST /api/arena/answers {battleId, side} — one side's answer, through the same admission as every
 * model call (answerRoute: request budget, stream slots, daily quota), for the battle's owner only.
 * The contestant comes from the stored battle, never from the request, and its name is left out of
 * the stream: the vote reveals it. Never cached: both sides answer at a temperature, or the model's own.
 */
export function arenaAnswerRoute(services: () => ArenaServices = defaultArenaServices) {
  return answerRoute({
    identify: identifyRequester,
    route: 'arena',
    schema: arenaAnswerSchema,
    prepare: ({ battleId, side }, requester) => battleSideOf(requester, battleId, side, services()),
    answer: ({ prompt, contestant }, { signal }) => withoutModel(panelAnswer({ prompt, model: contestant.model, temperature: contestant.temperature }, signal)),
  });
}

const noSuchBattle = () => jsonError(404, 'There is no such battle among yours: start a new one.', { code: 'bad_request' });

async function battleSideOf(requester: Requester, battleId: string, side: 'a' | 'b', services: ArenaServices): Promise<ParsedRequest<BattleSide>> {
  // A guest without a cookie, or nobody the database knows, has no battles.
  if (!requester.ownerId) return { ok: false, response: noSuchBattle() };
  try {
    const found = await (await services.arena()).side(requester.ownerId, battleId, side);
    return found ? { ok: true, data: found } : { ok: false, response: noSuchBattle() };
  } catch (error) {
    if (error instanceof NoServerStore) return { ok: false, response: jsonError(503, error.message, { code: 'unavailable' }) };
    console.error('The arena is unavailable:', error instanceof Error ? error.message : String(error));
    return { ok: false, response: jsonError(503, arenaUnavailableMessage, { code: 'unavailable', retryAfter: 5 }) };
  }
}

/**
 * The answer as it streams, without the model's name in its metadata (the start and finish chunks
 * carry it). The request's own log line and metrics lose it too: they read the same fold.
 */
export async function* withoutModel(chunks: AsyncIterable<AnswerChunk>): AsyncIterable<AnswerChunk> {
  for await (const chunk of chunks) {
    if ('messageMetadata' in chunk && chunk.messageMetadata?.model !== undefined) {
      const { model: _hidden, ...metadata } = chunk.messageMetadata;
      yield { ...chunk, messageMetadata: metadata } as AnswerChunk;
    } else yield chunk;
  }
}
