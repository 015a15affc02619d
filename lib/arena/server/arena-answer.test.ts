import { expect, test } from 'vitest';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { withoutModel } from './arena-answer';

async function* stream(chunks: AnswerChunk[]) {
  yield* chunks;
}

test('the stream keeps everything but the model’s name', async () => {
  const seen: AnswerChunk[] = [];
  for await (const chunk of withoutModel(
    stream([
      { type: 'start', messageId: 'm', messageMetadata: { model: 'secret-model', ttftMs: 5 } },
      { type: 'text-delta', id: 't', delta: 'Hi' },
      { type: 'finish', messageMetadata: { model: 'secret-model', outputTokens: 1 } },
    ]),
  ))
    seen.push(chunk);
  expect(JSON.stringify(seen)).not.toContain('secret-model');
  expect(seen).toEqual([
    { type: 'start', messageId: 'm', messageMetadata: { ttftMs: 5 } },
    { type: 'text-delta', id: 't', delta: 'Hi' },
    { type: 'finish', messageMetadata: { outputTokens: 1 } },
  ]);
});
