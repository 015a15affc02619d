import type {
  LanguageModelV4,
  LanguageModelV4FilePart,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { OFFLINE_MODEL_ID } from '@/lib/config';
import { readFileBlocks, withoutFileBlocks } from './file-blocks';
import { offlineAnswer, type OfflineConversation } from './offline-answers';
import { countTokens } from './tokens';

/**
 * Rill's built-in model: a real LanguageModelV4, so routes, streaming, abort and usage accounting
 * cannot tell it from a provider. It paces its tokens so streaming is visible, as with a real model.
 */
export interface OfflineModelOptions {
  /** Milliseconds between tokens. */
  paceMs?: number;
  /** What it says; by default the chat's offline answers. Features with their own prompts (translation) bring their own. */
  answer?: (conversation: OfflineConversation) => string;
}

export function createOfflineModel({ paceMs = 30, answer = offlineAnswer }: OfflineModelOptions = {}): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: 'rill-offline',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options) {
      const { text, usage } = answerFor(options, answer);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      };
    },
    async doStream(options) {
      const { text, usage } = answerFor(options, answer);
      return { stream: paceTokens(splitIntoTokens(text), usage, paceMs, options.abortSignal) };
    },
  };
}

function answerFor(options: LanguageModelV4CallOptions, answer: (conversation: OfflineConversation) => string) {
  const text = answer(describeConversation(options.prompt));
  const limit = options.maxOutputTokens;
  const tokens = splitIntoTokens(text);
  const kept = limit !== undefined && tokens.length > limit ? tokens.slice(0, limit) : tokens;
  return { text: kept.join(''), usage: usageOf(options.prompt, kept.length) };
}

function describeConversation(prompt: LanguageModelV4Prompt): OfflineConversation {
  const userMessages = prompt.filter((message) => message.role === 'user');
  const parts = userMessages.at(-1)?.content ?? [];
  const text = parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n\n');
  const files = [
    ...readFileBlocks(text).map((file) => ({ name: file.name, bytes: new TextEncoder().encode(file.text).byteLength, text: file.text })),
    ...parts.flatMap((part) => (part.type === 'file' ? [{ name: part.filename ?? 'a file', bytes: bytesOf(part.data), mediaType: part.mediaType }] : [])),
  ];
  return {
    lastUserText: withoutFileBlocks(text),
    userTurns: userMessages.length,
    hasSystemPrompt: prompt.some((message) => message.role === 'system'),
    ...(files.length > 0 ? { files } : {}),
  };
}

function bytesOf(data: LanguageModelV4FilePart['data']): number {
  if (data.type !== 'data') return 0;
  return typeof data.data === 'string' ? Math.floor((data.data.length * 3) / 4) : data.data.byteLength;
}

/** Word-sized pieces with their leading whitespace, like a BPE tokenizer's output reads on screen. */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function usageOf(prompt: LanguageModelV4Prompt, outputTokens: number): LanguageModelV4Usage {
  const inputText = prompt
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join(''),
    )
    .join('\n');
  const inputTokens = countTokens(inputText);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}

function paceTokens(
  tokens: string[],
  usage: LanguageModelV4Usage,
  paceMs: number,
  abortSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV4StreamPart> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settlePendingPull: (() => void) | undefined;
  let index = 0;
  let finished = false;
  const stop = () => {
    finished = true;
    clearTimeout(timer);
    settlePendingPull?.();
  };
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: [] });
      controller.enqueue({ type: 'response-metadata', id: `offline-${Date.now()}`, modelId: OFFLINE_MODEL_ID, timestamp: new Date() });
      controller.enqueue({ type: 'text-start', id: 'text-0' });
      abortSignal?.addEventListener(
        'abort',
        () => {
          if (finished) return;
          stop();
          controller.error(abortSignal.reason ?? new DOMException('Aborted', 'AbortError'));
        },
        { once: true },
      );
    },
    pull(controller) {
      if (finished) return;
      return new Promise<void>((resolve) => {
        settlePendingPull = resolve;
        timer = setTimeout(() => {
          const token = tokens[index++];
          if (token !== undefined) {
            controller.enqueue({ type: 'text-delta', id: 'text-0', delta: token });
          } else {
            controller.enqueue({ type: 'text-end', id: 'text-0' });
            controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
            finished = true;
            controller.close();
          }
          resolve();
        }, paceMs);
      });
    },
    cancel: stop,
  });
}
