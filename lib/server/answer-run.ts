import { AnswerFold } from '@/lib/protocol/answer-fold';
import { SSE_DONE, parseChunk, sseFrame, type AnswerChunk } from '@/lib/protocol/chunks';

/** Makes an answer's chunks; the signal aborts when no one is left to read them. */
export type ProduceAnswer = (signal: AbortSignal) => AsyncIterable<AnswerChunk>;

/** How a run ended: its chunks as server-sent events, folded, and whether that is a whole, successful answer. */
export interface RunOutcome {
  frames: readonly string[];
  fold: AnswerFold;
  complete: boolean;
}

/** What a reader of a run learns as it reads, for its request's log line and metrics. */
export interface ReadObserver {
  /** The first text of the answer left for this reader. */
  onFirstText?: () => void;
  /** This reader is done: it read to the end, or went away first (`aborted`). */
  onEnd?: (aborted: boolean) => void;
}

const encoder = new TextEncoder();

/**
 * One answer, read from its producer as fast as it arrives and kept, so any number of readers can
 * follow it, each from the first chunk, at their own pace: the browser that asked, identical requests
 * that joined it, a reload that resumed it, the cache once it is whole.
 *
 * This is the whole per-token path on the server: each chunk is folded (lib/protocol) and framed as a
 * server-sent event once, however many read it; a reader gets every frame that arrived since it last
 * read in one write. Readers hold the producer alive through leases: when the last lease is released
 * before the end, the producer is aborted (no one is left to read it).
 */
export class AnswerRun {
  readonly outcome: Promise<RunOutcome>;
  readonly fold = new AnswerFold({ onText: (delta) => (this.answerText += delta), onReasoning: (delta) => (this.reasoningText += delta) });
  private answerText = '';
  private reasoningText = '';
  private readonly frames: string[] = [];
  /** The index of the first frame that carries answer text, once there is one. */
  private firstTextFrame = -1;
  private readonly wakers = new Set<() => void>();
  private wakeScheduled = false;
  private readonly abortController = new AbortController();
  private ended = false;
  private leases = 0;

  constructor(produce: ProduceAnswer) {
    this.outcome = this.pump(produce(this.abortController.signal));
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The answer's text so far. */
  get text(): string {
    return this.answerText;
  }

  /** What the model thought out loud before answering, so far ('' for a model that does not). */
  get reasoning(): string {
    return this.reasoningText;
  }

  /** Every reader left before the end (the user stopped it, or nobody came back), so the producer was cut short. */
  get abandoned(): boolean {
    return this.abortController.signal.aborted;
  }

  /** How many leases keep the producer going now. */
  get leaseCount(): number {
    return this.leases;
  }

  /** Keeps the producer going until the returned function is called (once; later calls do nothing). */
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

  /**
   * The answer as the bytes of a UI message stream response, from its first chunk. Cancelling the
   * reader does not touch the run (release the reader's lease for that).
   */
  readBytes(observer: ReadObserver = {}): ReadableStream<Uint8Array> {
    let next = 0;
    let sawText = false;
    let finished = false;
    const finish = (aborted: boolean) => {
      if (finished) return;
      finished = true;
      observer.onEnd?.(aborted);
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        while (next >= this.frames.length && !this.ended) await this.nextFrames();
        if (next < this.frames.length) {
          const upTo = this.frames.length;
          if (!sawText && this.firstTextFrame >= 0 && this.firstTextFrame < upTo) {
            sawText = true;
            observer.onFirstText?.();
          }
          // One write for every frame since the last: at 100 tokens/s a token mostly travels alone,
          // but what arrives together (the start, a burst after a stall, the end) goes out together.
          const text = upTo - next === 1 ? this.frames[next]! : this.frames.slice(next, upTo).join('');
          next = upTo;
          controller.enqueue(encoder.encode(this.ended && next === this.frames.length ? text + SSE_DONE : text));
          if (this.ended && next === this.frames.length) {
            controller.close();
            finish(false);
          }
          return;
        }
        controller.enqueue(encoder.encode(SSE_DONE));
        controller.close();
        finish(false);
      },
      cancel: () => finish(true),
    });
  }

  /** The answer as server-sent event text from its first chunk, for another instance to follow. */
  readText(): ReadableStream<string> {
    let next = 0;
    return new ReadableStream<string>({
      pull: async (controller) => {
        while (next >= this.frames.length && !this.ended) await this.nextFrames();
        if (next < this.frames.length) controller.enqueue(this.frames.slice(next, (next = this.frames.length)).join(''));
        else {
          controller.enqueue(SSE_DONE);
          controller.close();
        }
      },
    });
  }

  private nextFrames(): Promise<void> {
    return new Promise<void>((wake) => this.wakers.add(wake));
  }

  private async pump(source: AsyncIterable<AnswerChunk>): Promise<RunOutcome> {
    try {
      for await (const chunk of source) this.push(chunk);
    } catch (error) {
      // streamAnswer turns failures into error chunks; a throw here is a bug upstream of it, still told as an error.
      this.push({ type: 'error', errorText: error instanceof Error ? error.message : String(error) });
    }
    this.ended = true;
    this.wake();
    return { frames: this.frames, fold: this.fold, complete: this.fold.end().status === 'done' };
  }

  private push(chunk: AnswerChunk) {
    this.fold.add(chunk);
    if (this.firstTextFrame < 0 && chunk.type === 'text-delta') this.firstTextFrame = this.frames.length;
    this.frames.push(sseFrame(chunk));
    // Readers wake once per turn of the event loop, not once per chunk: what the producer made in
    // one turn is read, and written, together.
    if (!this.wakeScheduled) {
      this.wakeScheduled = true;
      setImmediate(() => {
        this.wakeScheduled = false;
        this.wake();
      });
    }
  }

  private wake() {
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }
}

/** An answer already at hand as its server-sent events (cached, or finished), as a producer of its chunks again. */
export async function* replayFrames(frames: readonly string[], alter: (chunk: AnswerChunk) => AnswerChunk = (chunk) => chunk): AsyncGenerator<AnswerChunk> {
  for (const frame of frames) {
    const chunk = parseChunk(frame.slice('data: '.length).trimEnd());
    if (chunk) yield alter(chunk);
  }
}
