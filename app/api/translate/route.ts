import { serverModels } from '@/lib/ai/provider';
import { answerRoute } from '@/lib/server/answer-route';
import { translateRequestSchema } from '@/lib/translate/request-schema';
import { translationAnswer } from '@/lib/translate/translation-answer';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  route: 'translate',
  schema: translateRequestSchema,
  // 5,000 characters of text, JSON-escaped at worst six bytes each, fit well within this.
  maxBodyBytes: 64 * 1024,
  // The same text, languages and tone translate the same way: repeats (retyping, history) are served
  // from the cache, and identical requests in flight share one model call.
  cacheKey: (request) => ({ model: serverModels().config.defaultModel, ...request }),
  answer: (request, { signal }) => translationAnswer({ model: serverModels().resolve(), request, abortSignal: signal }),
});
