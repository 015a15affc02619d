import { requestJson, type JsonResult } from '@/lib/client/json-client';
import type { BattleCreated } from './contestant';
import type { VoteChoice, VoteResponse } from './vote';

/** The browser's side of the arena's JSON routes (the answers stream through lib/client/answer-client.ts). */
const json = { 'content-type': 'application/json' };

export function createBattle(prompt: string): Promise<JsonResult<BattleCreated>> {
  return requestJson('/api/arena/battles', { method: 'POST', headers: json, body: JSON.stringify({ prompt }) });
}

export function castVote(battleId: string, choice: VoteChoice): Promise<JsonResult<VoteResponse>> {
  return requestJson(`/api/arena/battles/${encodeURIComponent(battleId)}/vote`, { method: 'POST', headers: json, body: JSON.stringify({ choice }) });
}

export const arenaAnswerPath = '/api/arena/answers';
