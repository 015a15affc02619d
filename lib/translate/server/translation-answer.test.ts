import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { UIMessageChunk } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { AnswerMetadata } from '@/lib/protocol/metadata';
import { decodeStreamError } from '@/lib/errors';
import { readTranslationPrompt } from '../prompt';
import { translationAnswer, translationCacheKey } from './translation-answer';

interface Call {
  text: string;
  glossary: { source: string; target: string }[];
  signal: AbortSignal | undefined;
}

/**
 * A model that "translates" by upper-casing, starting with a language header when asked. A segment
 * whose text is in `gates` waits for that gate before it answers; one in `fail` answers with a 500.
 */
function fakeTranslator({ gates = new Map<string, Promise<void>>(), fail = new Set<string>() } = {}) {
  const calls: Call[] = [];
  const model = new MockLanguageModelV4({
    modelId: 'mock-translator',
    doStream: async (options: LanguageModelV4CallOptions) => {
      const user = options.prompt.findLast((message) => message.role === 'user');
      const prompt = user?.content.map((part) => (part.type === 'text' ? part.text : '')).join('') ?? '';
      const job = readTranslationPrompt(prompt)!;
      calls.push({ text: job.text, glossary: job.glossary, signal: options.abortSignal });
      if (fail.has(job.text)) throw Object.assign(new Error('upstream down'), { name: 'AI_APICallError' });
      const tokens = [...(job.detect ? ['<lang>', 'fr</lang>\n'] : []), ...(job.text.toUpperCase().match(/\s*\S+/g) ?? [])];
      const gate = gates.get(job.text);
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          async start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            controller.enqueue({ type: 'text-start', id: 't' });
            if (gate) await gate;
            for (const delta of tokens) controller.enqueue({ type: 'text-delta', id: 't', delta });
            controller.enqueue({ type: 'text-end', id: 't' });
            controller.enqueue({
              type: 'finish',
              finishReason: { unified: 'stop', raw: 'stop' },
              usage: { inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 5, text: 5, reasoning: undefined } },
            });
            controller.close();
          },
        }),
      };
    },
  });
  return { model, calls };
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

type Chunk = UIMessageChunk<AnswerMetadata>;

async function readAll(stream: AsyncIterable<Chunk>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const textOf = (chunks: Chunk[]) => chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');
const request = (text: string, source: 'auto' | 'fr' = 'auto') => ({ text, target: 'en', source, tone: 'default' }) as const;

describe('translationAnswer', () => {
  it('streams the translation with the language header turned into metadata', async () => {
    const { model } = fakeTranslator();
    const chunks = await readAll(translationAnswer({ model, request: request('bonjour le monde'), abortSignal: new AbortController().signal }));
    expect(textOf(chunks)).toBe('BONJOUR LE MONDE');
    expect(chunks).toContainEqual({ type: 'message-metadata', messageMetadata: { detectedLanguage: 'fr' } });
    const finish = chunks.at(-1);
    expect(finish).toMatchObject({ type: 'finish', messageMetadata: { model: 'mock-translator', detectedLanguage: 'fr', inputTokens: 10, outputTokens: 5 } });
  });

  it('asks for no header when the source is known', async () => {
    const { model } = fakeTranslator();
    const chunks = await readAll(translationAnswer({ model, request: request('bonjour', 'fr'), abortSignal: new AbortController().signal }));
    expect(textOf(chunks)).toBe('BONJOUR');
    expect(chunks.some((chunk) => chunk.type === 'message-metadata')).toBe(false);
  });

  it('translates paragraphs in parallel, streams the first while later ones wait, and keeps the order', async () => {
    const second = gate();
    const paragraphs = ['one '.repeat(20).trim(), 'two '.repeat(20).trim(), 'three '.repeat(20).trim()];
    const { model, calls } = fakeTranslator({ gates: new Map([[paragraphs[1]!, second.promise]]) });
    const stream = translationAnswer({ model, request: request(paragraphs.join('\n\n\n')), abortSignal: new AbortController().signal, maxSegmentChars: 100, concurrency: 2 });
    const seen: Chunk[] = [];
    while (!textOf(seen).includes('ONE ONE')) seen.push((await stream.next()).value!);
    // The first paragraph is on its way while the second is still held: only two calls were started.
    expect(calls.map((call) => call.text)).toEqual(paragraphs.slice(0, 2));
    second.open();
    seen.push(...(await readAll({ [Symbol.asyncIterator]: () => stream })));
    expect(textOf(seen)).toBe(paragraphs.map((p) => p.toUpperCase()).join('\n\n\n'));
    expect(calls).toHaveLength(3);
    expect(seen.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { inputTokens: 30, outputTokens: 15 } });
  });

  it('keeps the text before a failed paragraph and ends with its error', async () => {
    const paragraphs = ['alpha '.repeat(20).trim(), 'beta '.repeat(20).trim()];
    const { model } = fakeTranslator({ fail: new Set([paragraphs[1]!]) });
    const chunks = await readAll(translationAnswer({ model, request: request(paragraphs.join('\n\n')), abortSignal: new AbortController().signal, maxSegmentChars: 150 }));
    expect(textOf(chunks)).toBe(paragraphs[0]!.toUpperCase());
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(error && error.type === 'error' && decodeStreamError(error.errorText).code).toBeTruthy();
    expect(chunks.some((chunk) => chunk.type === 'finish')).toBe(false);
  });

  it('the request signal aborting (the reader left, or Stop) reaches every model call', async () => {
    const held = gate();
    const paragraphs = ['eins '.repeat(20).trim(), 'zwei '.repeat(20).trim()];
    const { model, calls } = fakeTranslator({ gates: new Map(paragraphs.map((p) => [p, held.promise])) });
    const requestAbort = new AbortController();
    const stream = translationAnswer({ model, request: request(paragraphs.join('\n\n')), abortSignal: requestAbort.signal, maxSegmentChars: 100 });
    // Past 'start' and 'text-start', a pending read makes the answer start its model calls.
    void stream.next().then(() => stream.next()).then(() => stream.next());
    while (calls.length < 2) await new Promise((resolve) => setTimeout(resolve, 0));
    requestAbort.abort();
    expect(calls.map((call) => call.signal?.aborted)).toEqual([true, true]);
  });

  it('sends each paragraph only the glossary terms it uses', async () => {
    const { model, calls } = fakeTranslator();
    const glossary = [
      { source: 'invoice', target: 'Rechnung' },
      { source: 'contract', target: 'Vertrag' },
    ];
    const text = `${'The invoice is due. '.repeat(4).trim()}\n\n${'Sign the contract. '.repeat(4).trim()}\n\nNothing here.`;
    await readAll(translationAnswer({ model, request: { ...request(text), glossary }, abortSignal: new AbortController().signal, maxSegmentChars: 80 }));
    expect(calls.map((call) => call.glossary)).toEqual([[glossary[0]], [glossary[1]], []]);
  });
});

describe('translationCacheKey', () => {
  it('differs with the glossary, so a translation made without one is not served for one with it', () => {
    const plain = translationCacheKey(request('the invoice'));
    const withTerms = translationCacheKey({ ...request('the invoice'), glossary: [{ source: 'invoice', target: 'Rechnung' }] });
    expect(JSON.stringify(withTerms)).not.toBe(JSON.stringify(plain));
    expect(withTerms).toMatchObject({ glossary: [{ source: 'invoice', target: 'Rechnung' }] });
  });
});
