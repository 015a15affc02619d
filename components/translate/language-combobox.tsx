'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { languageName, searchLanguages } from '@/lib/translate/languages';

export interface LeadingOption {
  value: string;
  label: string;
}

interface LanguageComboboxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A choice listed before every language (e.g. automatic detection); found by its label too. */
  leadingOption?: LeadingOption;
  /** Which edge the open list lines up with, so it stays on screen on a phone. */
  align?: 'left' | 'right';
}

interface Option {
  value: string;
  label: string;
  detail?: string;
}

/**
 * A searchable language picker following the ARIA combobox pattern: type to filter (by English name,
 * native name or code), arrows to move, Enter to choose, Escape to leave it as it was.
 */
export function LanguageCombobox({ label, value, onChange, leadingOption, align = 'left' }: LanguageComboboxProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const options = useMemo<Option[]>(() => {
    const found = searchLanguages(query).map((language) => ({ value: language.code, label: language.name, detail: language.nativeName }));
    const leading = leadingOption && (!query.trim() || leadingOption.label.toLowerCase().includes(query.trim().toLowerCase()));
    return leading ? [leadingOption, ...found] : found;
  }, [query, leadingOption]);

  const selectedLabel = value === leadingOption?.value ? leadingOption.label : (languageName(value) ?? value);
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (open) listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  // A closed, focused box has its language name selected, so typing replaces it and starts a search.
  useEffect(() => {
    if (!open && document.activeElement === inputRef.current) inputRef.current?.select();
  }, [open, value]);

  const openList = () => {
    if (open) return;
    setOpen(true);
    setQuery('');
    setActive(Math.max(0, options.findIndex((option) => option.value === value)));
  };
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const choose = (option: Option | undefined) => {
    if (!option) return;
    close();
    if (option.value !== value) onChange(option.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      if (!open) return openList();
      setActive(Math.max(0, Math.min(last, to)));
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + 8);
      case 'PageUp':
        return move(active - 8);
      case 'Home':
        if (open) move(0);
        return;
      case 'End':
        if (open) move(last);
        return;
      case 'Enter':
        if (!open) return;
        event.preventDefault();
        return choose(options[active]);
      case 'Escape':
        if (open) event.preventDefault();
        return close();
    }
  };

  return (
    <div className="relative min-w-0 flex-1">
      <input
        ref={inputRef}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={open ? query : selectedLabel}
        placeholder={selectedLabel}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => event.target.select()}
        onClick={openList}
        onKeyDown={onKeyDown}
        onBlur={close}
        className="w-full truncate rounded-lg border border-zinc-300 bg-white py-2 pr-8 pl-3 text-sm font-medium outline-none placeholder:text-zinc-400 focus:border-brand focus:ring-2 focus:ring-brand/30 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-zinc-500">
        ▾
      </span>
      {open && (
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={label}
          className={`absolute z-20 mt-1 max-h-72 w-64 max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {options.length === 0 && <li className="px-3 py-2 text-zinc-500">No language matches “{query}”</li>}
          {options.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              data-index={index}
              role="option"
              aria-selected={option.value === value}
              // Keep focus in the input so choosing with the mouse does not blur (and close) first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseMove={() => setActive(index)}
              className={`flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-1.5 ${
                index === active ? 'bg-zinc-100 dark:bg-zinc-800' : ''
              } ${option.value === value ? 'font-semibold text-brand dark:text-brand-light' : ''}`}
            >
              <span>{option.label}</span>
              {option.detail && option.detail !== option.label && <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
