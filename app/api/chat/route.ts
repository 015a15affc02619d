import { chatAnswerStream } from '@/lib/server/chat-answer';
import { chatRequestSchema } from '@/lib/server/chat-schema';
import { answerRoute } from '@/lib/server/answer-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  route: 'chat',
  schema: chatRequestSchema,
  answer: (request, { signal }) => chatAnswerStream(request, signal),
});
