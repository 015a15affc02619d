import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RillError } from '@/lib/errors';
import { fetchAnswer } from '@/lib/client/answer-client';
import { chosenGlossary, entriesUsedIn, type GlossaryEntry } from '@/lib/translate/glossary';
import { parseAlternatives } from '@/lib/translate/alternatives';
import { addToHistory, type HistoryEntry } from '@/lib/translate/history';
import { AUTO_DETECT, isLanguageCode, type LanguageCode, type SourceLanguage } from '@/lib/translate/languages';
import { MAX_TRANSLATE_CHARS, TYPING_PAUSE_MS, type Tone } from '@/lib/translate/limits';
import type { AlternativesRequestBody, TranslateRequestBody } from '@/lib/translate/request-schema';
import { replaceSentence, type Sentence } from '@/lib/translate/sentences';
import { createFrameBatcher } from './frame-batcher';
import { useGlossaries } from './glossaries';
import { createThrottledStorage } from './throttled-storage';

export interface TranslationJobInput {
  text: string;
  source: SourceLanguage;
  target: LanguageCode;
  tone: Tone;
  /** The chosen glossary's terms the text uses, as sent: what the translation is checked against. */
  glossary?: GlossaryEntry[];
}

export interface TranslationResult {
  /** What this translation is of. */
  job: TranslationJobInput;
  text: string;
  /**
   * 'waiting': the text changed since; a new translation comes after the typing pause.
   * The text stays on screen (dimmed) until the new one starts arriving.
   */
  status: 'waiting' | 'streaming' | 'done' | 'stopped' | 'error';
  /** The translation being replaced, shown dimmed until the new one's first words arrive. */
  previousText?: string;
  detected?: LanguageCode;
  error?: RillError;
  /** The history entry holding this translation, so an edit to it (an alternative) reaches history too. */
  historyId?: string;
}

/** Other renderings of one sentence of the finished translation, streaming in. */
export interface SentenceAlternatives {
  sentence: Sentence;
  options: string[];
  status: 'streaming' | 'done' | 'error';
  error?: RillError;
}

export interface TranslatorState {
  text: string;
  source: SourceLanguage;
  target: LanguageCode;
  tone: Tone;
  /** The glossary chosen for translations (used while it fits the language pair); null: none. */
  glossaryId: string | null;
  result: TranslationResult | null;
  history: HistoryEntry[];
  alternatives: SentenceAlternatives | null;

  /** An edit: stale work is cancelled at once, the new text is translated after a pause in typing. */
  setText: (text: string) => void;
  setSource: (source: SourceLanguage) => void;
  setTarget: (target: LanguageCode) => void;
  setTone: (tone: Tone) => void;
  setGlossary: (glossaryId: string | null) => void;
  /** Translates now, skipping the typing pause (Ctrl/Cmd+Enter, Retry). */
  translateNow: () => void;
  /** Target becomes source and the translation becomes the text to translate. */
  swap: () => void;
  restore: (entryId: string) => void;
  clearHistory: () => void;
  /** Asks for other renderings of one sentence of the finished translation. */
  openAlternatives: (sentence: Sentence) => void;
  closeAlternatives: () => void;
  /** Puts `option` in place of the sentence, in the translation and its history entry. */
  chooseAlternative: (option: string) => void;
}

/** The language the text is in, when known: chosen, or detected by the last translation. */
export function knownSourceLanguage(state: Pick<TranslatorState, 'source' | 'result'>): LanguageCode | undefined {
  return state.source === AUTO_DETECT ? state.result?.detected : state.source;
}

export const useTranslator = create<TranslatorState>()(
  persist(
    (set, get) => {
      let typingTimer: ReturnType<typeof setTimeout> | undefined;
      /** The one request whose answer may still change `result`; older ones are aborted and ignored. */
      let inFlight: AbortController | null = null;
      let alternativesInFlight: AbortController | null = null;

      const closeAlternatives = () => {
        alternativesInFlight?.abort();
        alternativesInFlight = null;
        if (get().alternatives) set({ alternatives: null });
      };

      const cancelPending = () => {
        clearTimeout(typingTimer);
        inFlight?.abort();
        inFlight = null;
        closeAlternatives();
      };

      const patchResult = (owner: AbortController, update: (result: TranslationResult) => Partial<TranslationResult>) => {
        if (inFlight !== owner) return;
        set((state) => (state.result ? { result: { ...state.result, ...update(state.result) } } : state));
      };

      const translate = async () => {
        cancelPending();
        const { text, source, target, tone, glossaryId, result } = get();
        if (!text.trim() || text.length > MAX_TRANSLATE_CHARS) {
          set({ result: null });
          return;
        }
        const controller = new AbortController();
        inFlight = controller;
        const glossary = entriesUsedIn(text, chosenGlossary(useGlossaries.getState().glossaries, glossaryId, source, target)?.entries ?? []);
        const job: TranslationJobInput = { text, source, target, tone, ...(glossary.length > 0 && { glossary }) };
        set({ result: { job, text: '', status: 'streaming', previousText: result?.text || result?.previousText } });
        const translated = createFrameBatcher<string>((pieces) => patchResult(controller, (current) => ({ text: current.text + pieces.join(''), previousText: undefined })));
        const outcome = await fetchAnswer('/api/translate', job satisfies TranslateRequestBody, controller.signal, {
          onText: (delta) => translated.add(delta),
          onMetadata: ({ detectedLanguage }) => {
            if (detectedLanguage && isLanguageCode(detectedLanguage)) patchResult(controller, () => ({ detected: detectedLanguage }));
          },
        });
        translated.flush();
        patchResult(controller, () =>
          outcome.status === 'error' ? { status: 'error', error: outcome.error, previousText: undefined } : { status: outcome.status, previousText: undefined },
        );
        if (inFlight !== controller) return;
        inFlight = null;
        const finished = get().result;
        if (outcome.status === 'done' && finished) {
          const entry: HistoryEntry = { id: crypto.randomUUID(), text, source, target, tone, translation: finished.text, detected: finished.detected, at: Date.now() };
          set((state) => ({ history: addToHistory(state.history, entry), result: state.result && { ...state.result, historyId: entry.id } }));
        }
      };

      const translateIfText = () => {
        if (get().text.trim()) void translate();
      };

      return {
        text: '',
        source: AUTO_DETECT,
        target: 'en',
        tone: 'default',
        glossaryId: null,
        result: null,
        history: [],
        alternatives: null,

        setText: (text) => {
          if (text === get().text) return;
          cancelPending();
          set((state) => ({ text, result: text.trim() && state.result ? { ...state.result, status: 'waiting' } : null }));
          if (text.trim()) typingTimer = setTimeout(() => void translate(), TYPING_PAUSE_MS);
        },
        setSource: (source) => {
          set({ source });
          translateIfText();
        },
        setTarget: (target) => {
          set({ target });
          translateIfText();
        },
        setTone: (tone) => {
          set({ tone });
          translateIfText();
        },
        setGlossary: (glossaryId) => {
          set({ glossaryId });
          translateIfText();
        },
        translateNow: () => void translate(),
        swap: () => {
          const state = get();
          const from = knownSourceLanguage(state);
          if (!from) return;
          set({ source: state.target, target: from, text: state.result?.text || state.text });
          translateIfText();
        },
        restore: (entryId) => {
          const entry = get().history.find((candidate) => candidate.id === entryId);
          if (!entry) return;
          cancelPending();
          const job: TranslationJobInput = { text: entry.text, source: entry.source, target: entry.target, tone: entry.tone };
          set({ ...job, result: { job, text: entry.translation, status: 'done', detected: entry.detected, historyId: entry.id } });
        },
        clearHistory: () => set({ history: [] }),
        openAlternatives: async (sentence) => {
          const { result } = get();
          if (result?.status !== 'done') return;
          closeAlternatives();
          const controller = new AbortController();
          alternativesInFlight = controller;
          set({ alternatives: { sentence, options: [], status: 'streaming' } });
          const patch = (update: Partial<SentenceAlternatives>) => {
            if (alternativesInFlight === controller) set((state) => (state.alternatives ? { alternatives: { ...state.alternatives, ...update } } : state));
          };
          let answer = '';
          const body = { ...result.job, translation: result.text, sentence: sentence.text } satisfies AlternativesRequestBody;
          const outcome = await fetchAnswer('/api/translate/alternatives', body, controller.signal, {
            onText: (delta) => {
              answer += delta;
              patch({ options: parseAlternatives(answer) });
            },
          });
          patch(outcome.status === 'error' ? { status: 'error', error: outcome.error } : { status: 'done' });
          if (alternativesInFlight === controller) alternativesInFlight = null;
        },
        closeAlternatives,
        chooseAlternative: (option) => {
          const { result, alternatives } = get();
          if (!result || !alternatives) return;
          closeAlternatives();
          const text = replaceSentence(result.text, alternatives.sentence, option);
          set((state) => ({
            result: state.result && { ...state.result, text },
            history: state.history.map((entry) => (entry.id === result.historyId ? { ...entry, translation: text } : entry)),
          }));
        },
      };
    },
    {
      name: 'rill-translator',
      version: 1,
      // Throttled: a streaming translation updates the store per token, which would rewrite storage each time.
      storage: createThrottledStorage(),
      skipHydration: true,
      // Languages, tone and history are remembered. The text comes back too, so nothing typed is
      // lost; its translation is restored from history when it is there, and redone when not.
      partialize: (state) => ({ text: state.text, source: state.source, target: state.target, tone: state.tone, glossaryId: state.glossaryId, history: state.history }),
    },
  ),
);

/** After the stored state is loaded: show the stored text's translation again. */
export function resumeAfterHydration() {
  const { text, source, target, tone, history, restore, translateNow } = useTranslator.getState();
  if (!text.trim()) return;
  const match = history.find((entry) => entry.text === text && entry.source === source && entry.target === target && entry.tone === tone);
  if (match) restore(match.id);
  else translateNow();
}
