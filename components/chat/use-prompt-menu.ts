'use client';

import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
import { insertPrompt, menuPrompts, removeQuery, slashQueryAt } from '@/lib/prompts/prompt-matcher';
import { usePrompts } from '@/lib/stores/prompts';

/**
 * The `/` menu of the message box, as an ARIA combobox: typing `/` at the start of the message or
 * after a space or new line lists the saved prompts whose name matches what follows it (up to the
 * caret); ArrowUp/ArrowDown move, Enter or Tab inserts the prompt in place of the `/query`, Esc
 * closes it and keeps the text. While it is open, Enter inserts rather than sends. Its last option
 * opens the prompt manager.
 */
export function usePromptMenu({ text, setText, box }: { text: string; setText: (text: string) => void; box: RefObject<HTMLTextAreaElement | null> }) {
  const saved = usePrompts((s) => s.prompts);
  const openManager = usePrompts((s) => s.openManager);
  /** Where the caret is while the box has the focus; null when it has not (the menu is closed then). */
  const [caret, setCaret] = useState<number | null>(null);
  /** The option the arrows reached, for the query it was reached in: a new query starts with none. */
  const [reached, setReached] = useState<{ query: string; index: number } | null>(null);
  /** The slash whose menu Esc closed: it stays closed while that slash is being typed after. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const listId = useId();

  const at = caret === null ? null : slashQueryAt(text, Math.min(caret, text.length));
  const query = at?.query;
  const prompts = useMemo(() => (query === undefined ? [] : menuPrompts(saved, query)), [saved, query]);
  const open = at !== null && at.start !== dismissedAt && prompts.length > 0;
  /** The prompts, then "Manage prompts…". */
  const optionCount = prompts.length + 1;
  const active = open && reached && reached.query === query ? reached.index : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    if (caretAfterInsert.current === null) return;
    box.current?.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
    caretAfterInsert.current = null;
  }, [text, box]);

  /** Inserts the prompt at `index`, or (past the prompts) takes the `/query` out and opens the manager. */
  const choose = (index: number) => {
    if (!at) return;
    const prompt = prompts[index];
    const next = prompt ? insertPrompt(text, at, prompt.text) : removeQuery(text, at);
    caretAfterInsert.current = next.caret;
    setCaret(next.caret);
    setText(next.text);
    if (!prompt) openManager();
  };

  const follow = (event: SyntheticEvent<HTMLTextAreaElement>) => setCaret(event.currentTarget.selectionEnd);

  /** True when the key was the menu's: the message box does nothing more with it. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const move = (index: number) => {
      event.preventDefault();
      setReached({ query: at.query, index });
      return true;
    };
    switch (event.key) {
      case 'ArrowDown':
        return move((active + 1) % optionCount);
      case 'ArrowUp':
        return move(active <= 0 ? optionCount - 1 : active - 1);
      case 'Enter':
      case 'Tab':
        if (event.shiftKey) return false;
        event.preventDefault();
        choose(Math.max(active, 0));
        return true;
      case 'Escape':
        // Prevented, so the page's Esc (stop the answer) leaves it alone.
        event.preventDefault();
        setDismissedAt(at.start);
        return true;
      default:
        return false;
    }
  };

  return {
    open,
    prompts,
    active,
    listId,
    optionId,
    choose,
    reach: (index: number) => query !== undefined && setReached({ query, index }),
    onKeyDown,
    comboboxProps: {
      role: 'combobox',
      'aria-expanded': open,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': active >= 0 ? optionId(active) : undefined,
      onSelect: follow,
      onFocus: follow,
      onInput: (event: FormEvent<HTMLTextAreaElement>) => {
        const { value, selectionEnd } = event.currentTarget;
        setCaret(selectionEnd);
        if (!slashQueryAt(value, selectionEnd)) setDismissedAt(null);
      },
      onBlur: () => setCaret(null),
    } as const,
  };
}

export type PromptMenuState = ReturnType<typeof usePromptMenu>;
