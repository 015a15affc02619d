import { describe, expect, test } from 'vitest';
import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { decodeStreamError } from '@/lib/errors';
import { streamAnswer, type AnswerLimits } from './answer-stream';

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } };
const limits: AnswerLimits = { maxOutputTokens: 100, firstTokenTimeoutMs: 150, streamIdleTimeoutMs: 150 };

/** A model that sends `parts`, then (unless told to finish) goes silent until its call is aborted. */
function modelSending(parts: LanguageModelV4StreamPart[], { finish = false, finishUsage = usage }: { finish?: boolean; finishUsage?: LanguageModelV4Usage } = {}) {
  const calls: { maxOutputTokens?: number }[] = [];
  const model = new MockLanguageModelV4({
    doStream: async (options) => {
      calls.push({ maxOutputTokens: options.maxOutputTokens });
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            for (const part of parts) controller.enqueue(part);
            if (finish) {
              controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: finishUsage });
              controller.close();
            }
            options.abortSignal?.addEventListener('abort', () => controller.error(options.abortSignal?.reason));
          },
        }),
      };
    },
  });
  return { model, calls };
}

async function chunksOf(stream: AsyncIterable<{ type: string }>) {
  const chunks: { type: string; errorText?: string; delta?: string }[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const ask = { messages: [{ role: 'user' as const, content: 'hi' }], limits };

describe('streamAnswer timeouts', () => {
  test('no first token in time ends the answer with a timeout error', async () => {
    const { model } = modelSending([]);
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(decodeStreamError(error?.errorText ?? '')).toMatchObject({ code: 'timeout', message: 'The model did not start answering in time.' });
  });

  test('a provider that accepts the call and never answers (no response headers) times out at the first-token limit, once', async () => {
    let calls = 0;
    const model = new MockLanguageModelV4({
      doStream: (options) => {
        calls++;
        // Like a fetch waiting for headers: it ends only when its signal aborts.
        return new Promise((_resolve, reject) => options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)));
      },
    });
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(decodeStreamError(error?.errorText ?? '')).toMatchObject({ code: 'timeout', message: 'The model did not start answering in time.' });
    expect(calls).toBe(1);
  });

  test('silence mid-answer ends it with a timeout error, after the text so far', async () => {
    const { model } = modelSending([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hello' },
    ]);
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta)).toEqual(['Hello']);
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(decodeStreamError(error?.errorText ?? '')).toMatchObject({ code: 'timeout', message: expect.stringMatching(/mid-answer/) });
  });

  test("the caller's own abort stays an abort, not a timeout", async () => {
    const { model } = modelSending([]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: controller.signal }));
    expect(chunks.some((chunk) => chunk.type === 'abort')).toBe(true);
    expect(chunks.some((chunk) => chunk.type === 'error')).toBe(false);
  });
});

describe('streamAnswer output cap', () => {
  test.each([
    { asked: undefined, sent: 100 },
    { asked: 40, sent: 40 },
    { asked: 5_000, sent: 100 },
  ])('a request for $asked output tokens asks the model for $sent', async ({ asked, sent }) => {
    const { model, calls } = modelSending([{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'ok' }, { type: 'text-end', id: 't' }], { finish: true });
    await chunksOf(streamAnswer({ ...ask, model, maxOutputTokens: asked, abortSignal: new AbortController().signal }));
    expect(calls[0]?.maxOutputTokens).toBe(sent);
  });
});

describe('streamAnswer usage', () => {
  const text = (delta: string): LanguageModelV4StreamPart[] => [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta }];
  const usageOf = (chunks: { type: string; messageMetadata?: unknown }[]) =>
    Object.assign({}, ...chunks.map((chunk) => (chunk.messageMetadata as object | undefined) ?? {})) as { inputTokens?: number; outputTokens?: number; reasoningTokens?: number };
  const reasoned = (delta: string): LanguageModelV4StreamPart[] => [
    { type: 'reasoning-start', id: 'r' },
    { type: 'reasoning-delta', id: 'r', delta: 'Let me think about what is asked here first.' },
    { type: 'reasoning-end', id: 'r' },
    ...text(delta),
  ];
  const output = (total: number | undefined, reasoning: number | undefined): LanguageModelV4Usage => ({
    ...usage,
    outputTokens: { total, text: total === undefined || reasoning === undefined ? total : total - reasoning, reasoning },
  });

  test('the provider’s usage is reported when it gives it; a model that did not reason has no reasoning tokens', async () => {
    const { model } = modelSending(text('Hello there'), { finish: true });
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    expect(usageOf(chunks)).toMatchObject({ inputTokens: 3, outputTokens: 2 });
    expect(usageOf(chunks).reasoningTokens).toBeUndefined();
  });

  test('hidden reasoning the provider reports (OpenAI o-series) is told as the reasoning part of the output', async () => {
    const { model } = modelSending(text('Hello there'), { finish: true, finishUsage: output(300, 200) });
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    const finish = chunks.find((chunk) => chunk.type === 'finish') as { messageMetadata?: unknown } | undefined;
    expect(finish?.messageMetadata).toMatchObject({ outputTokens: 300, reasoningTokens: 200 });
    expect((finish?.messageMetadata as { reasoningMs?: number }).reasoningMs).toBeUndefined();
  });

  test('visible reasoning with no split reported: the output less the answer’s text, counted', async () => {
    // "Hello there" is 2 tokens.
    const { model } = modelSending(reasoned('Hello there'), { finish: true, finishUsage: output(50, undefined) });
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    expect(usageOf(chunks)).toMatchObject({ outputTokens: 50, reasoningTokens: 48, reasoningMs: expect.any(Number) });

    // A reported 0 beside reasoning that streamed is no report; the estimate never goes below 0.
    const zero = modelSending(reasoned('Hello there'), { finish: true, finishUsage: output(1, 0) }).model;
    expect(usageOf(await chunksOf(streamAnswer({ ...ask, model: zero, abortSignal: new AbortController().signal })))).toMatchObject({ outputTokens: 1, reasoningTokens: 0 });
  });

  test('visible reasoning with no usage reported: no reasoning tokens, since the counted output never held them', async () => {
    const { model } = modelSending(reasoned('Hello there'), { finish: true, finishUsage: output(undefined, undefined) });
    const chunks = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    expect(usageOf(chunks)).toMatchObject({ outputTokens: 2 });
    expect(usageOf(chunks).reasoningTokens).toBeUndefined();
  });

  test('an answer stopped mid-way reports the tokens it had streamed, counted, before it ends', async () => {
    const { model } = modelSending(text('one two three four five six seven eight'));
    const stop = new AbortController();
    const chunks: { type: string; messageMetadata?: unknown }[] = [];
    for await (const chunk of streamAnswer({ ...ask, model, abortSignal: stop.signal })) {
      chunks.push(chunk);
      if (chunk.type === 'text-delta') stop.abort();
    }
    expect(chunks.at(-1)?.type).toBe('abort');
    expect(usageOf(chunks)).toEqual(expect.objectContaining({ inputTokens: 1, outputTokens: 8 }));
  });

  test('an answer that times out after text also reports what it streamed; one that never began reports nothing', async () => {
    const { model } = modelSending(text('half an answer'));
    const timedOut = await chunksOf(streamAnswer({ ...ask, model, abortSignal: new AbortController().signal }));
    expect(decodeStreamError(timedOut.at(-1)?.errorText ?? '')).toMatchObject({ code: 'timeout' });
    expect(usageOf(timedOut)).toMatchObject({ outputTokens: 3 });

    const silent = modelSending([]).model;
    const never = await chunksOf(streamAnswer({ ...ask, model: silent, abortSignal: new AbortController().signal }));
    expect(usageOf(never).outputTokens).toBeUndefined();
  });
});
