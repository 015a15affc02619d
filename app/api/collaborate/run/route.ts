import { panelAnswer } from '@/lib/collaborate/server/panel-answer';
import { panelRunRequestSchema } from '@/lib/collaborate/schemas';
import { answerRoute } from '@/lib/server/answer-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  route: 'collaborate',
  schema: panelRunRequestSchema,
  answer: (settings, { signal }) => panelAnswer(settings, signal),
});
