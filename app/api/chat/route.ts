import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { withChatFiles } from '@/lib/attachments/server/chat-files';
import { chatRequestSchema } from '@/lib/chat/request-schema';
import { chatAnswer, chatCacheKey } from '@/lib/chat/server/chat-answer';
import { refusedModel } from '@/lib/ai/model-list';
import { saveChatAnswer } from '@/lib/history/server/answer-saving';
import { answerRoute } from '@/lib/server/answer-route';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  route: 'chat',
  schema: chatRequestSchema,
  identify: identifyRequester,
  refuseModel: (request) => refusedModel(request.model),
  prepare: withChatFiles,
  answer: (request, { signal }) => chatAnswer(request, signal),
  cacheKey: chatCacheKey,
  onAnswer: saveChatAnswer,
});

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
