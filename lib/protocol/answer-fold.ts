import { decodeStreamError, rillError, type RillError } from '@/lib/errors';
import type { AnswerChunk } from './chunks';
import { readMetadata, type AnswerMetadata } from './metadata';

/** How an answer ended. 'stopped' keeps its text; so does 'error'. */
export type AnswerEnd = { status: 'done' } | { status: 'stopped' } | { status: 'error'; error: RillError };

export interface FoldListeners {
  /** Each piece of answer text, in order. */
  onText?: (delta: string) => void;
  /** Each piece of the model's reasoning (what it thought out loud before answering), in order. */
  onReasoning?: (delta: string) => void;
  /** The answer's metadata so far, whenever a chunk adds to it. */
  onMetadata?: (metadata: AnswerMetadata) => void;
}

/**
 * The one reading of the answer protocol. Every reader of an answer stream — the browser's pages, the
 * server's request log, the cache, the rooms that run prompts — folds the chunks through this, so
 * they all agree on what an answer said and how it ended: a stream that stops without its `finish`
 * chunk was cut off, wherever it is read. Mutable on purpose: it sees every token.
 */
export class AnswerFold {
  /** The id the server gave the answer in its `start` chunk. */
  messageId: string | undefined;
  metadata: AnswerMetadata = {};
  /** Whether any answer text arrived. */
  hasText = false;
  /** The error the stream reported, if any. */
  error: RillError | undefined;
  private finished = false;
  private aborted = false;

  constructor(private readonly listeners: FoldListeners = {}) {}

  add(chunk: AnswerChunk): void {
    switch (chunk.type) {
      case 'text-delta':
        if (typeof chunk.delta !== 'string' || chunk.delta === '') return;
        this.hasText = true;
        this.listeners.onText?.(chunk.delta);
        return;
      case 'reasoning-delta':
        if (typeof chunk.delta === 'string' && chunk.delta !== '') this.listeners.onReasoning?.(chunk.delta);
        return;
      case 'start':
        if (typeof chunk.messageId === 'string') this.messageId = chunk.messageId;
        this.addMetadata(chunk.messageMetadata);
        return;
      case 'finish':
        this.finished = true;
        this.addMetadata(chunk.messageMetadata);
        return;
      case 'message-metadata':
        this.addMetadata(chunk.messageMetadata);
        return;
      case 'error':
        this.error ??= decodeStreamError(typeof chunk.errorText === 'string' ? chunk.errorText : '');
        return;
      case 'abort':
        this.aborted = true;
        return;
    }
  }

  /** How the answer ended, once its stream is over. `stopped`: this reader cancelled it. */
  end({ stopped = false }: { stopped?: boolean } = {}): AnswerEnd {
    if (stopped || this.aborted) return { status: 'stopped' };
    if (this.error) return { status: 'error', error: this.error };
    if (!this.finished) {
      return {
        status: 'error',
        error: this.hasText
          ? rillError('interrupted', 'The answer was cut off before it finished. The text so far is kept.')
          : rillError('network', 'The connection dropped before the answer started.'),
      };
    }
    return { status: 'done' };
  }

  private addMetadata(value: unknown) {
    const metadata = readMetadata(value);
    if (!metadata || Object.keys(metadata).length === 0) return;
    this.metadata = { ...this.metadata, ...metadata };
    this.listeners.onMetadata?.(this.metadata);
  }
}
