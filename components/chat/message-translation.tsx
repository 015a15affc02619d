'use client';

import { languageName } from '@/lib/translate/languages';
import { AnswerError } from './answer-error';
import type { TranslationState } from './use-translation';

export function MessageTranslation({ state, onStop, onRetry, onClose }: { state: TranslationState; onStop: () => void; onRetry: () => void; onClose: () => void }) {
  const language = languageName(state.target) ?? state.target;
  return (
    <section
      aria-label={`Translation to ${language}`}
      data-status={state.status}
      className="mt-2 w-full max-w-[85%] self-start rounded-lg border-l-4 border-brand/60 bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-900"
    >
      <div className="mb-1 flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-medium">Translation · {language}</span>
        {state.status === 'stopped' && <span>(stopped)</span>}
        <span className="ml-auto flex gap-1">
          {state.status === 'streaming' && (
            <button type="button" onClick={onStop} className="rounded px-1.5 py-0.5 hover:bg-zinc-200 dark:hover:bg-zinc-800">
              Stop translating
            </button>
          )}
          <button type="button" onClick={onClose} aria-label="Close translation" className="rounded px-1.5 py-0.5 hover:bg-zinc-200 dark:hover:bg-zinc-800">
            ✕
          </button>
        </span>
      </div>
      <p className="whitespace-pre-wrap break-words leading-relaxed">{state.text}</p>
      {state.status === 'error' && state.error && <AnswerError error={state.error} onRetry={onRetry} />}
    </section>
  );
}
