import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { answerRoute } from '@/lib/server/answer-route';
import { otherMethods } from '@/lib/server/other-methods';
import { alternativesRequestSchema } from '@/lib/translate/request-schema';
import { alternativesAnswer } from '@/lib/translate/server/alternatives-answer';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  identify: identifyRequester,
  route: 'translate-alternatives',
  schema: alternativesRequestSchema,
  // The text and its translation, both JSON-escaped at worst six bytes a character.
  maxBodyBytes: 256 * 1024,
  answer: (request, { signal }) => alternativesAnswer({ request, abortSignal: signal }),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
