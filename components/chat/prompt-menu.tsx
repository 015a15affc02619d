'use client';

import { useEffect, useRef, type MouseEvent } from 'react';
import { isBuiltIn } from '@/lib/prompts/built-in-prompts';
import type { PromptMenuState } from './use-prompt-menu';

/** The listbox of the message box's `/` menu, above the box: each prompt's name and first line, then "Manage prompts…". */
export function PromptMenu({ menu }: { menu: PromptMenuState }) {
  const list = useRef<HTMLUListElement>(null);
  const { prompts, active, listId, optionId, choose, reach } = menu;

  useEffect(() => {
    if (active >= 0) list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const option = (index: number) => ({
    id: optionId(index),
    'data-index': index,
    role: 'option',
    'aria-selected': index === active,
    // The focus stays in the message box, so a click does not blur it (and close the menu) first.
    onMouseDown: (event: MouseEvent) => event.preventDefault(),
    onClick: () => choose(index),
    onMouseMove: () => index !== active && reach(index),
    className: `cursor-pointer rounded-lg px-3 py-1.5 ${index === active ? 'bg-zinc-100 dark:bg-zinc-800' : ''}`,
  });

  return (
    <ul
      ref={list}
      id={listId}
      role="listbox"
      aria-label="Saved prompts"
      className="absolute right-0 bottom-full left-0 z-20 mb-2 max-h-72 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {prompts.map((prompt, index) => (
        <li key={prompt.id} {...option(index)}>
          <span className="flex items-baseline gap-2">
            <span className="font-medium">{prompt.name}</span>
            {isBuiltIn(prompt) && <span className="text-xs text-zinc-600 dark:text-zinc-400">built-in</span>}
          </span>
          <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">{prompt.text.split('\n', 1)[0]}</span>
        </li>
      ))}
      <li {...option(prompts.length)}>
        <span className="font-medium text-brand dark:text-brand-light">Manage prompts…</span>
      </li>
    </ul>
  );
}
