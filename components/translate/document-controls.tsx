'use client';

import { useShallow } from 'zustand/react/shallow';
import { AnswerError } from '@/components/chat/answer-error';
import { downloadFile } from '@/components/chat/download-file';
import { formatRate } from '@/lib/collaborate/figures';
import { documentProgress, finishedTranslation, sameLanguages, useDocumentTranslator, type DocumentLanguages } from '@/lib/stores/document-translator';
import { useTranslator } from '@/lib/stores/translator';
import { joinAsMarkdown, joinAsText } from '@/lib/translate/document-blocks';
import { translatedFileName } from '@/lib/translate/document-file';
import { documentTokensPerSecond } from '@/lib/translate/document-figures';
import { TonePicker } from './tone-picker';

const buttonClass = 'rounded-md px-3 py-1 text-sm font-medium disabled:opacity-40';

/** Translate, Stop or Resume; the progress in paragraphs and tokens/s; the downloads once it is done. */
export function DocumentControls() {
  const languages = useTranslator(useShallow((s): DocumentLanguages => ({ source: s.source, target: s.target, tone: s.tone })));
  const status = useDocumentTranslator((s) => s.status);
  const error = useDocumentTranslator((s) => s.error);
  const rateLimitedFor = useDocumentTranslator((s) => s.rateLimitedFor);
  const translatedInto = useDocumentTranslator((s) => s.languages);
  const { done, total } = useDocumentTranslator(useShallow(documentProgress));
  const rate = useDocumentTranslator((s) => documentTokensPerSecond(Object.values(s.translations)));
  const translate = useDocumentTranslator((s) => s.translate);
  const stop = useDocumentTranslator((s) => s.stop);

  const otherLanguages = !sameLanguages(translatedInto, languages);
  const running = status === 'translating';
  const finished = status === 'done' && !otherLanguages;

  return (
    <div className="flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {running ? (
          <button type="button" onClick={stop} className={`${buttonClass} bg-zinc-200 text-zinc-900 hover:bg-zinc-300 dark:bg-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-600`}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => void translate(languages)} disabled={finished} className={`${buttonClass} bg-brand text-white hover:bg-brand-dark`}>
            {!otherLanguages && (status === 'stopped' || status === 'error') ? 'Resume' : 'Translate'}
          </button>
        )}
        <TonePicker />
        <div className="ml-auto flex gap-2">
          <DownloadButton format="md" disabled={!finished} />
          <DownloadButton format="txt" disabled={!finished} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <progress aria-label="Paragraphs translated" max={total} value={otherLanguages ? 0 : done} className="h-2 min-w-40 flex-1 appearance-none overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700 [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-brand dark:[&::-moz-progress-bar]:bg-brand-light dark:[&::-webkit-progress-bar]:bg-zinc-700 dark:[&::-webkit-progress-value]:bg-brand-light" />
        <span role="status" className="tabular-nums">
          {otherLanguages ? 0 : done} of {total} {total === 1 ? 'paragraph' : 'paragraphs'}
          {rateLimitedFor !== null ? ` · waiting ${rateLimitedFor} s (over the request rate)` : ''}
        </span>
        <span className="tabular-nums" data-testid="document-rate">
          {formatRate(otherLanguages ? undefined : rate)}
        </span>
      </div>
      {status === 'error' && error && <AnswerError error={error} onRetry={() => void translate(languages)} retryLabel="Resume the translation" />}
    </div>
  );
}

function DownloadButton({ format, disabled }: { format: 'md' | 'txt'; disabled: boolean }) {
  const save = () => {
    const { document, languages, translations } = useDocumentTranslator.getState();
    if (!document || !languages) return;
    const translationOf = (block: Parameters<typeof finishedTranslation>[1]) => finishedTranslation({ translations }, block);
    const text = format === 'md' ? joinAsMarkdown(document.blocks, translationOf) : joinAsText(document.blocks, translationOf);
    downloadFile(translatedFileName(document.name, languages.target, format), text, format === 'md' ? 'text/markdown' : 'text/plain');
  };
  return (
    <button
      type="button"
      onClick={save}
      disabled={disabled}
      className={`${buttonClass} border border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800`}
    >
      Download .{format}
    </button>
  );
}
