import { chatAnswerStream, toModelMessages } from '@/lib/server/chat-answer';
import { chatRequestSchema } from '@/lib/server/chat-schema';
import { answerRoute } from '@/lib/server/answer-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export const POST = answerRoute({
  route: 'chat',
  schema: chatRequestSchema,
  answer: (request, { signal }) => chatAnswerStream(request, signal),
  // Only a temperature-0 answer is the same every time; ids are left out, the conversation's text counts.
  cacheKey: ({ model, system, temperature, maxOutputTokens, messages }) =>
    temperature === 0 ? { model, system, maxOutputTokens, messages: toModelMessages(messages) } : undefined,
});
