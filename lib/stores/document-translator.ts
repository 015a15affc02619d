import { create } from 'zustand';
import { fetchAnswer } from '@/lib/client/answer-client';
import type { RillError } from '@/lib/errors';
import type { AnswerEnd } from '@/lib/protocol/answer-fold';
import { isTranslatable, type TranslatableBlock } from '@/lib/translate/document-blocks';
import { DocumentRefused, readDocument, type TranslatableDocument } from '@/lib/translate/document-file';
import type { ParagraphTiming } from '@/lib/translate/document-figures';
import { inOrderPool } from '@/lib/translate/in-order-pool';
import type { LanguageCode, SourceLanguage } from '@/lib/translate/languages';
import type { Tone } from '@/lib/translate/limits';
import type { TranslateRequestBody } from '@/lib/translate/request-schema';
import { createFrameBatcher } from './frame-batcher';

/**
 * Paragraphs translated at once: the server's own fan-out uses as many per request, and a client may
 * hold 10 streams (RILL_MAX_CONCURRENT_STREAMS), so the text translator still has room beside it.
 */
export const DOCUMENT_CONCURRENCY = 3;

export interface DocumentLanguages {
  source: SourceLanguage;
  target: LanguageCode;
  tone: Tone;
}

export interface ParagraphTranslation extends ParagraphTiming {
  /** 'waiting': not translated yet, or stopped part way (it starts over when resumed). */
  status: 'waiting' | 'translating' | 'done';
  text: string;
}

export type DocumentStatus = 'idle' | 'translating' | 'stopped' | 'done' | 'error';

export interface DocumentTranslatorState {
  document: TranslatableDocument | null;
  reading: boolean;
  /** Why the last picked file was refused; the document already open stays as it was. */
  problem: string | null;
  /** What the translations are into; translating into other languages starts over. */
  languages: DocumentLanguages | null;
  /** By block id, for the translatable blocks that have started. */
  translations: Record<number, ParagraphTranslation>;
  status: DocumentStatus;
  error: RillError | null;
  /** Seconds the run waits before going on, when the server said it is over its request rate. */
  rateLimitedFor: number | null;

  pick: (file: File) => Promise<void>;
  /** Translates the paragraphs not done yet: a start, a resume after Stop or an error, or a start over in other languages. */
  translate: (languages: DocumentLanguages) => Promise<void>;
  stop: () => void;
  close: () => void;
}

const idle = { translations: {}, status: 'idle', error: null, languages: null, rateLimitedFor: null } as const;

export const useDocumentTranslator = create<DocumentTranslatorState>()((set, get) => {
  /** The run that may still change translations; a stopped or replaced one is aborted and ignored. */
  let run: AbortController | null = null;

  const cancelRun = () => {
    run?.abort();
    run = null;
  };

  const patch = (owner: AbortController, id: number, update: (current: ParagraphTranslation) => Partial<ParagraphTranslation>) => {
    if (run !== owner) return;
    set((state) => {
      const current = state.translations[id] ?? { status: 'waiting', text: '', pieces: 0 };
      return { translations: { ...state.translations, [id]: { ...current, ...update(current) } } };
    });
  };

  /** One paragraph, one request: the same request a paragraph always makes, so a repeat is served from the server's cache. */
  const translateParagraph = async (block: TranslatableBlock, languages: DocumentLanguages, owner: AbortController): Promise<AnswerEnd> => {
    for (;;) {
      patch(owner, block.id, () => ({ status: 'translating', text: '', pieces: 0, firstTokenAt: undefined, lastTokenAt: undefined, outputTokens: undefined }));
      let firstTokenAt: number | undefined;
      const arrived = createFrameBatcher<string>((pieces) =>
        patch(owner, block.id, (current) => ({ text: current.text + pieces.join(''), pieces: current.pieces + pieces.length, firstTokenAt, lastTokenAt: performance.now() })),
      );
      const body: TranslateRequestBody = { text: block.text, ...languages };
      const end = await fetchAnswer('/api/translate', body, owner.signal, {
        onText: (delta) => {
          firstTokenAt ??= performance.now();
          arrived.add(delta);
        },
        onMetadata: ({ outputTokens }) => {
          if (outputTokens !== undefined) patch(owner, block.id, () => ({ outputTokens }));
        },
      });
      arrived.flush();
      const wait = end.status === 'error' && end.error.code === 'rate_limited' ? end.error.retryAfter : undefined;
      if (wait === undefined) {
        if (end.status === 'done') patch(owner, block.id, () => ({ status: 'done' }));
        return end;
      }
      // Over the request rate: this paragraph waits its turn and goes again, the run does not fail.
      if (run === owner) set({ rateLimitedFor: wait });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait * 1000);
        owner.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (run === owner) set({ rateLimitedFor: null });
      if (owner.signal.aborted) return { status: 'stopped' };
    }
  };

  return {
    document: null,
    reading: false,
    problem: null,
    ...idle,

    pick: async (file) => {
      set({ reading: true, problem: null });
      try {
        const document = await readDocument(file);
        cancelRun();
        set({ document, reading: false, ...idle });
      } catch (error) {
        set({ reading: false, problem: error instanceof DocumentRefused ? error.message : `${file.name} could not be read.` });
      }
    },

    translate: async (languages) => {
      const { document } = get();
      if (!document || run) return;
      if (!sameLanguages(get().languages, languages)) set({ languages, translations: {} });
      const pending = document.blocks.filter(isTranslatable).filter((block) => get().translations[block.id]?.status !== 'done');
      const owner = new AbortController();
      run = owner;
      set({ status: 'translating', error: null });
      let failure: RillError | undefined;
      await inOrderPool(
        pending,
        DOCUMENT_CONCURRENCY,
        async (block) => {
          const end = await translateParagraph(block, languages, owner);
          if (end.status === 'error' && !failure) {
            failure = end.error;
            // One paragraph failed: the others stop too, and Resume goes on from the first not done.
            owner.abort();
          }
        },
        owner.signal,
      );
      if (run !== owner) return;
      run = null;
      set((state) => ({
        translations: withUnfinishedWaiting(state.translations),
        status: failure ? 'error' : owner.signal.aborted ? 'stopped' : 'done',
        error: failure ?? null,
        rateLimitedFor: null,
      }));
    },

    stop: () => {
      if (!run) return;
      cancelRun();
      set((state) => ({ translations: withUnfinishedWaiting(state.translations), status: 'stopped', rateLimitedFor: null }));
    },

    close: () => {
      cancelRun();
      set({ document: null, problem: null, ...idle });
    },
  };
});

export function sameLanguages(a: DocumentLanguages | null, b: DocumentLanguages): boolean {
  return a !== null && a.source === b.source && a.target === b.target && a.tone === b.tone;
}

/** Paragraphs cut off part way start over: half a paragraph is not a translation. */
function withUnfinishedWaiting(translations: Record<number, ParagraphTranslation>): Record<number, ParagraphTranslation> {
  const next: Record<number, ParagraphTranslation> = {};
  for (const [id, translation] of Object.entries(translations)) {
    next[Number(id)] = translation.status === 'done' ? translation : { status: 'waiting', text: '', pieces: 0 };
  }
  return next;
}

/** Paragraphs done out of all there are to translate. */
export function documentProgress(state: Pick<DocumentTranslatorState, 'document' | 'translations'>): { done: number; total: number } {
  const paragraphs = state.document?.blocks.filter(isTranslatable) ?? [];
  return { done: paragraphs.filter((block) => state.translations[block.id]?.status === 'done').length, total: paragraphs.length };
}

/** A block's translation once it is done (what the downloads hold), else undefined. */
export function finishedTranslation(state: Pick<DocumentTranslatorState, 'translations'>, block: TranslatableBlock): string | undefined {
  const translation = state.translations[block.id];
  return translation?.status === 'done' ? translation.text : undefined;
}
