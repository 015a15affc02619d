'use client';

import { AnswerError } from '@/components/chat/answer-error';
import { CopyButton } from '@/components/ui/copy-button';
import { useTranslator } from '@/lib/stores/translator';
import { GlossaryCheck } from './glossary-check';
import { ListenButton } from './listen-button';
import { TonePicker } from './tone-picker';
import { TranslatedSentences } from './translated-sentences';

export function TranslationPanel() {
  const result = useTranslator((s) => s.result);
  const translateNow = useTranslator((s) => s.translateNow);
  const streaming = result?.status === 'streaming';
  const shown = result?.text || (streaming ? result.previousText : '') || '';
  const stale = result?.status === 'waiting' || (streaming && !result.text);
  const failed = result?.status === 'error' && result.error;
  const target = useTranslator((s) => s.result?.job.target ?? s.target);

  return (
    <section className="flex min-h-56 flex-col rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
      <div
        role="region"
        aria-label="Translation"
        aria-busy={streaming}
        data-status={result?.status ?? 'empty'}
        className="relative flex-1 p-4 text-lg leading-relaxed"
      >
        {result?.status === 'done' && result.text ? (
          <TranslatedSentences text={result.text} language={target} />
        ) : shown ? (
          <p className={`whitespace-pre-wrap break-words transition-opacity ${stale ? 'opacity-50' : ''}`}>
            {shown}
            {streaming && result.text && <span className="ml-0.5 inline-block h-4 w-2 animate-pulse bg-zinc-400 align-middle" aria-hidden />}
          </p>
        ) : (
          !failed && <p className="text-zinc-600 dark:text-zinc-400">Translation</p>
        )}
        {failed && <AnswerError error={failed} onRetry={translateNow} />}
        {result && <GlossaryCheck result={result} />}
        {/* Over the panel's corner, not in the row below: words coming and going there would re-wrap it and shift the page. */}
        <span role="status" className="pointer-events-none absolute bottom-1 right-3 text-sm text-zinc-600 dark:text-zinc-400">
          {streaming ? 'Translating…' : ''}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <TonePicker />
        <div className="ml-auto flex items-center gap-x-3">
          <ListenButton text={result?.status === 'done' ? result.text : ''} language={target} label="the translation" />
          <CopyButton
            text={result?.status === 'waiting' ? '' : (result?.text ?? '')}
            label="Copy translation"
            className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-200 disabled:opacity-40 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800"
          />
        </div>
      </div>
    </section>
  );
}
