import { createUIMessageStreamResponse } from 'ai';
import { chatAnswerStream } from '@/lib/server/chat-answer';
import { chatRequestSchema } from '@/lib/server/chat-schema';
import { parseJsonRequest } from '@/lib/server/json-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

export async function POST(request: Request) {
  const parsed = await parseJsonRequest(request, chatRequestSchema);
  if (!parsed.ok) return parsed.response;
  return createUIMessageStreamResponse({ stream: chatAnswerStream(parsed.data, request.signal) });
}
