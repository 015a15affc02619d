import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { answerRoute } from '@/lib/server/answer-route';
import { translateRequestSchema } from '@/lib/translate/request-schema';
import { translationAnswer, translationCacheKey } from '@/lib/translate/server/translation-answer';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  identify: identifyRequester,
  route: 'translate',
  schema: translateRequestSchema,
  // 5,000 characters of text, JSON-escaped at worst six bytes each, fit well within this.
  maxBodyBytes: 64 * 1024,
  cacheKey: translationCacheKey,
  answer: (request, { signal }) => translationAnswer({ request, abortSignal: signal }),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
