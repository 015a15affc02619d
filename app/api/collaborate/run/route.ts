import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { panelAnswer } from '@/lib/collaborate/server/panel-answer';
import { panelRunRequestSchema } from '@/lib/collaborate/schemas';
import { refusedModel } from '@/lib/ai/model-list';
import { answerRoute } from '@/lib/server/answer-route';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  identify: identifyRequester,
  route: 'collaborate',
  schema: panelRunRequestSchema,
  refuseModel: (settings) => refusedModel(settings.model || undefined),
  answer: (settings, { signal }) => panelAnswer(settings, signal),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
