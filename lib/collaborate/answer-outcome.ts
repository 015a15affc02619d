import type { UIMessageChunk } from 'ai';
import type { AnswerMetadata } from '@/lib/answer-metadata';
import { decodeStreamError, rillError } from '@/lib/errors';
import type { RunEnd } from './board';

/**
 * Reads an answer stream on the server (where a room's model call runs), passing text on as it comes,
 * and tells how the answer ended, in the form a panel's run records it.
 */
export async function readAnswer(
  stream: ReadableStream<UIMessageChunk<AnswerMetadata>>,
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<Omit<RunEnd, 'endedAt'>> {
  let metadata: AnswerMetadata | undefined;
  let end: Omit<RunEnd, 'endedAt'> | undefined;
  try {
    for await (const chunk of stream) {
      if (chunk.type === 'text-delta') onText(chunk.delta);
      else if ((chunk.type === 'start' || chunk.type === 'finish' || chunk.type === 'message-metadata') && chunk.messageMetadata) {
        metadata = { ...metadata, ...chunk.messageMetadata };
      } else if (chunk.type === 'error') end = { status: 'error', error: decodeStreamError(chunk.errorText) };
      else if (chunk.type === 'abort') end = { status: 'stopped' };
    }
  } catch {
    end = { status: 'error', error: rillError('interrupted', 'The answer was cut off. The text so far is kept.') };
  }
  if (signal.aborted) end = { status: 'stopped' };
  return { ...(end ?? { status: 'done' }), ...(metadata ? { metadata } : {}) };
}
