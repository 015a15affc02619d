'use client';

import { useEffect, useLayoutEffect, useRef } from 'react';
import { AnswerError } from '@/components/chat/answer-error';
import { ALTERNATIVES_COUNT } from '@/lib/translate/alternatives';
import { useTranslator } from '@/lib/stores/translator';

/**
 * Other renderings of the chosen sentence, listed under it as they stream in. Picking one replaces
 * the sentence; Escape, a click elsewhere or Close dismisses it, and focus goes back to the sentence.
 */
/** `anchorId`: the sentence it belongs to, which it opens under and gives focus back to. */
export function AlternativesPopover({ anchorId }: { anchorId: string }) {
  const alternatives = useTranslator((s) => s.alternatives);
  const close = useTranslator((s) => s.closeAlternatives);
  const choose = useTranslator((s) => s.chooseAlternative);
  const openAlternatives = useTranslator((s) => s.openAlternatives);
  const dialog = useRef<HTMLDivElement>(null);

  // Placed before paint, straight under the sentence's last line.
  useLayoutEffect(() => {
    const anchor = document.getElementById(anchorId);
    if (anchor && dialog.current) dialog.current.style.top = `${anchor.offsetTop + anchor.offsetHeight + 6}px`;
  }, [anchorId]);

  useEffect(() => {
    const box = dialog.current;
    const anchor = document.getElementById(anchorId);
    box?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!box?.contains(event.target as Node) && !anchor?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      // Back to the sentence (or where it was, if an alternative replaced it), unless the user has
      // moved focus somewhere of their own.
      const focused = document.activeElement;
      if (!focused || focused === document.body || box?.contains(focused)) document.getElementById(anchorId)?.focus();
    };
  }, [anchorId, close]);

  if (!alternatives) return null;
  const { options, status, error, sentence } = alternatives;
  const streaming = status === 'streaming';

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label="Alternatives"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        close();
      }}
      className="absolute inset-x-3 z-20 rounded-lg border border-zinc-200 bg-white p-2 text-base shadow-lg outline-none sm:left-4 sm:right-auto sm:w-[28rem] sm:max-w-[calc(100%-2rem)] dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="mb-1 flex items-center justify-between px-2">
        <h3 className="text-sm font-semibold text-zinc-700 dark:text-zinc-200">Alternatives</h3>
        <button type="button" onClick={close} className="rounded-md px-2 py-0.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Close
        </button>
      </div>
      <ul aria-busy={streaming} className="flex flex-col">
        {options.map((option) => (
          <li key={option}>
            <button
              type="button"
              onClick={() => choose(option)}
              className="w-full rounded-md px-2 py-1.5 text-left text-zinc-900 hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
            >
              {option}
            </button>
          </li>
        ))}
        {streaming &&
          Array.from({ length: ALTERNATIVES_COUNT - options.length }, (_, i) => (
            <li key={`pending-${i}`} aria-hidden className="mx-2 my-2 h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-700" />
          ))}
      </ul>
      <p role="status" className="sr-only">
        {streaming ? 'Finding alternatives…' : status === 'done' ? `${options.length} alternatives` : ''}
      </p>
      {status === 'done' && options.length === 0 && <p className="px-2 py-1 text-sm text-zinc-600 dark:text-zinc-300">No alternatives came back.</p>}
      {error && <AnswerError error={error} onRetry={() => openAlternatives(sentence)} retryLabel="Retry alternatives" />}
    </div>
  );
}
