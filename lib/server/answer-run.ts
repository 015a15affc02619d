import { AnswerFold } from '@/lib/protocol/answer-fold';
import type { AnswerChunk } from '@/lib/protocol/chunks';

/** How a run ended: every chunk it produced, folded, and whether that is a whole, successful answer. */
export interface RunOutcome {
  chunks: AnswerChunk[];
  fold: AnswerFold;
  complete: boolean;
}

/**
 * One upstream answer, read as fast as it arrives and kept, so any number of readers can follow it,
 * each from the first chunk, at their own pace. Readers hold the call alive through leases: when the
 * last lease is released before the end, the upstream call is aborted (no one is left to read it).
 */
export class AnswerRun {
  readonly outcome: Promise<RunOutcome>;
  private readonly chunks: AnswerChunk[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly abortController = new AbortController();
  private ended = false;
  private leases = 0;

  constructor(produce: (signal: AbortSignal) => ReadableStream<AnswerChunk>) {
    this.outcome = this.pump(produce(this.abortController.signal));
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** How many leases keep the call going now. */
  get leaseCount(): number {
    return this.leases;
  }

  /** Keeps the upstream call going until the returned function is called (once; later calls do nothing). */
  retain(): () => void {
    this.leases++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.leases--;
      if (this.leases === 0 && !this.ended) this.abortController.abort(new DOMException('Every reader left', 'AbortError'));
    };
  }

  /** The answer from its first chunk; cancelling the reader does not touch the run. */
  read(): ReadableStream<AnswerChunk> {
    let next = 0;
    return new ReadableStream<AnswerChunk>({
      pull: async (controller) => {
        while (next >= this.chunks.length && !this.ended) await new Promise<void>((wake) => this.wakers.add(wake));
        if (next < this.chunks.length) controller.enqueue(this.chunks[next++]!);
        else controller.close();
      },
    });
  }

  private async pump(source: ReadableStream<AnswerChunk>): Promise<RunOutcome> {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.chunks.push(value);
        this.wake();
      }
    } catch (error) {
      // streamAnswer turns failures into error chunks; a throw here is a bug upstream of it, still told as an error.
      this.chunks.push({ type: 'error', errorText: error instanceof Error ? error.message : String(error) });
    }
    this.ended = true;
    this.wake();
    const fold = new AnswerFold();
    for (const chunk of this.chunks) fold.add(chunk);
    return { chunks: this.chunks, fold, complete: fold.end().status === 'done' };
  }

  private wake() {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }
}

/** Chunks already at hand as a stream, e.g. a cached or finished answer. */
export function streamOfChunks(chunks: readonly AnswerChunk[]): ReadableStream<AnswerChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}
