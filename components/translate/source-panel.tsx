'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { AUTO_DETECT, languageName } from '@/lib/translate/languages';
import { MAX_TRANSLATE_CHARS } from '@/lib/translate/limits';
import { knownSourceLanguage, useTranslator } from '@/lib/stores/translator';
import { ListenButton } from './listen-button';

const count = (n: number) => n.toLocaleString('en');

export function SourcePanel({ ready }: { ready: boolean }) {
  const text = useTranslator((s) => s.text);
  const detected = useTranslator((s) => (s.source === AUTO_DETECT ? s.result?.detected : undefined));
  const setText = useTranslator((s) => s.setText);
  const translateNow = useTranslator((s) => s.translateNow);
  const language = useTranslator(knownSourceLanguage);
  const over = text.length - MAX_TRANSLATE_CHARS;
  const box = useRef<HTMLTextAreaElement>(null);

  // Ready to type on arrival, as a translator's one job is; but a user who already tabbed or
  // clicked somewhere keeps their focus.
  useEffect(() => {
    if (ready && (document.activeElement === null || document.activeElement === document.body)) box.current?.focus();
  }, [ready]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      translateNow();
    }
  };

  return (
    <section className="flex min-h-56 flex-col rounded-xl border border-zinc-200 bg-white focus-within:border-brand dark:border-zinc-800 dark:bg-zinc-900">
      <textarea
        ref={box}
        aria-label="Text to translate"
        aria-describedby="translate-char-count"
        value={text}
        readOnly={!ready}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type or paste text — it is translated as you type"
        className="max-h-[60vh] min-h-44 w-full flex-1 resize-none bg-transparent p-4 text-lg leading-relaxed outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400 [field-sizing:content]"
      />
      {over > 0 && (
        <p role="alert" className="mx-4 mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          The text is {count(over)} {over === 1 ? 'character' : 'characters'} over the {count(MAX_TRANSLATE_CHARS)}-character limit. Shorten it to
          translate.
        </p>
      )}
      {/* One line at every width: the restored "Detected" arrives after hydration, and a second line then would shift the page. */}
      <div className="flex items-center gap-x-3 border-t border-zinc-100 px-4 py-2 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        {detected && <span data-testid="detected-language" className="min-w-0 truncate" title={`Detected: ${languageName(detected)}`}>Detected: {languageName(detected)}</span>}
        <span id="translate-char-count" className={`ml-auto shrink-0 tabular-nums ${over > 0 ? 'font-medium text-red-600 dark:text-red-400' : ''}`}>
          {count(text.length)} / {count(MAX_TRANSLATE_CHARS)}
        </span>
        <ListenButton text={text} language={language} label="the text" />
        {/* Always there (disabled with no text): appearing with the restored text, it would push the count aside. */}
        <button
          type="button"
          onClick={() => setText('')}
          disabled={!text}
          className="shrink-0 rounded-md px-2 py-1 hover:bg-zinc-100 disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-zinc-800"
        >
          Clear
        </button>
        <button
          type="button"
          onClick={translateNow}
          disabled={!text.trim() || over > 0}
          title="Translate now (Ctrl+Enter or ⌘+Enter)"
          className="shrink-0 rounded-md bg-brand px-3 py-1 font-medium text-white hover:bg-brand-dark disabled:opacity-40"
        >
          Translate
        </button>
      </div>
    </section>
  );
}
