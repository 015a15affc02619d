import { z } from '@/lib/zod';
import { panelRunRequestSchema } from '@/lib/collaborate/schemas';
import { arenaSides } from './contestant';
import { voteChoices } from './vote';

/** POST /api/arena/battles: the prompt both sides answer, bounded and non-empty like a panel's. */
export const createBattleSchema = z.object({ prompt: panelRunRequestSchema.shape.prompt });

/** POST /api/arena/answers: which side of which battle to stream. */
export const arenaAnswerSchema = z.object({
  battleId: z.string().min(1).max(100),
  side: z.enum(arenaSides, { error: 'side must be "a" or "b".' }),
});

/** POST /api/arena/battles/:id/vote. */
export const voteSchema = z.object({
  choice: z.enum(voteChoices, { error: `choice must be one of ${voteChoices.map((choice) => `"${choice}"`).join(', ')}.` }),
});

export type CreateBattleRequest = z.infer<typeof createBattleSchema>;
export type VoteRequest = z.infer<typeof voteSchema>;
