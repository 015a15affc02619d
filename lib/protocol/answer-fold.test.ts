import { describe, expect, it } from 'vitest';
import { encodeStreamError, rillError } from '@/lib/errors';
import { AnswerFold } from './answer-fold';
import type { AnswerChunk } from './chunks';
import { parseChunk, sseFrame } from './chunks';

const fold = (chunks: AnswerChunk[]) => {
  const texts: string[] = [];
  const answer = new AnswerFold({ onText: (delta) => texts.push(delta) });
  for (const chunk of chunks) answer.add(chunk);
  return { answer, text: texts.join('') };
};

const text = (delta: string): AnswerChunk => ({ type: 'text-delta', id: 't', delta });

describe('AnswerFold', () => {
  it('reads a whole answer: its id, text, metadata merged across chunks, and done', () => {
    const { answer, text: said } = fold([
      { type: 'start', messageId: 'm-1', messageMetadata: { model: 'fake' } },
      text('Hello '),
      text('there'),
      { type: 'message-metadata', messageMetadata: { detectedLanguage: 'fr' } },
      { type: 'finish', messageMetadata: { outputTokens: 2, ignored: 'x' } as never },
    ]);
    expect(said).toBe('Hello there');
    expect(answer.messageId).toBe('m-1');
    expect(answer.metadata).toEqual({ model: 'fake', detectedLanguage: 'fr', outputTokens: 2 });
    expect(answer.end()).toEqual({ status: 'done' });
  });

  it('calls a stream that stops without its finish chunk interrupted when text came, network when none did', () => {
    expect(fold([{ type: 'start' }, text('Half')]).answer.end()).toMatchObject({ status: 'error', error: { code: 'interrupted' } });
    expect(fold([{ type: 'start' }]).answer.end()).toMatchObject({ status: 'error', error: { code: 'network' } });
  });

  it('keeps the first error the stream reported, with its code', () => {
    const limited = encodeStreamError(rillError('rate_limited', 'Slow down', 3));
    const { answer } = fold([text('Some'), { type: 'error', errorText: limited }, { type: 'error', errorText: 'later' }]);
    expect(answer.end()).toEqual({ status: 'error', error: { code: 'rate_limited', message: 'Slow down', retryAfter: 3 } });
    expect(answer.hasText).toBe(true);
  });

  it('is stopped when the reader cancelled it or the server aborted it, whatever else arrived', () => {
    expect(fold([text('a')]).answer.end({ stopped: true })).toEqual({ status: 'stopped' });
    expect(fold([text('a'), { type: 'abort' }]).answer.end()).toEqual({ status: 'stopped' });
  });

  it('ignores malformed fields instead of trusting them', () => {
    const { answer, text: said } = fold([{ type: 'text-delta', id: 't', delta: 42 } as never, { type: 'finish', messageMetadata: 'nope' as never }]);
    expect(said).toBe('');
    expect(answer.metadata).toEqual({});
  });
});

describe('chunks on the wire', () => {
  it('round-trips a chunk through an SSE frame; [DONE] and junk are not chunks', () => {
    const chunk: AnswerChunk = { type: 'text-delta', id: 't', delta: 'line\nbreak' };
    const frame = sseFrame(chunk);
    expect(frame).toBe('data: {"type":"text-delta","id":"t","delta":"line\\nbreak"}\n\n');
    expect(parseChunk(frame.slice('data: '.length).trim())).toEqual(chunk);
    expect(parseChunk('[DONE]')).toBeUndefined();
    expect(parseChunk('{"no":"type"}')).toBeUndefined();
    expect(parseChunk('not json')).toBeUndefined();
  });
});
