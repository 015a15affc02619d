'use client';

import { Fragment, useId, useMemo, type KeyboardEvent } from 'react';
import { splitSentences, type Sentence } from '@/lib/translate/sentences';
import { useTranslator } from '@/lib/stores/translator';
import { AlternativesPopover } from './alternatives-popover';

/**
 * A finished translation, each sentence a control: activating one (click, Enter or Space) asks for
 * other renderings of it. The text between sentences stays plain, so copying or selecting the
 * translation reads as before.
 */
export function TranslatedSentences({ text, language }: { text: string; language: string }) {
  const sentences = useMemo(() => splitSentences(text, language), [text, language]);
  const open = useTranslator((s) => s.alternatives?.sentence);
  const openAlternatives = useTranslator((s) => s.openAlternatives);
  const idPrefix = useId();
  const idOf = (sentence: Pick<Sentence, 'start'>) => `${idPrefix}-sentence-${sentence.start}`;

  const activate = (sentence: Sentence) => {
    // A drag that selected text is a selection, not a request.
    if (window.getSelection()?.toString()) return;
    openAlternatives(sentence);
  };
  const onKeyDown = (event: KeyboardEvent, sentence: Sentence) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    openAlternatives(sentence);
  };

  return (
    <>
      <p className="whitespace-pre-wrap break-words">
        {sentences.map((sentence, i) => (
          <Fragment key={sentence.start}>
            {text.slice(sentences[i - 1]?.end ?? 0, sentence.start)}
            <span
              id={idOf(sentence)}
              role="button"
              tabIndex={0}
              aria-haspopup="dialog"
              aria-expanded={open?.start === sentence.start}
              title="Show alternatives"
              onClick={() => activate(sentence)}
              onKeyDown={(event) => onKeyDown(event, sentence)}
              className={`cursor-pointer rounded py-1 decoration-brand decoration-2 underline-offset-4 outline-none hover:underline focus-visible:underline focus-visible:ring-2 focus-visible:ring-brand ${open?.start === sentence.start ? 'bg-brand/10 underline' : ''}`}
            >
              {sentence.text}
            </span>
          </Fragment>
        ))}
        {text.slice(sentences.at(-1)?.end ?? 0)}
      </p>
      {open && <AlternativesPopover anchorId={idOf(open)} />}
    </>
  );
}
