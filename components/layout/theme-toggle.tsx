'use client';

import { useState } from 'react';
import { THEME_COOKIE, type ThemeChoice } from '@/lib/theme/theme-choice';

const next: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const icon: Record<ThemeChoice, string> = { system: '◐', dark: '☾', light: '☀' };
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Cycles system → dark → light; the choice is remembered in a cookie the server reads (see theme-choice.ts). */
export function ThemeToggle({ initialTheme }: { initialTheme: ThemeChoice }) {
  const [theme, setTheme] = useState(initialTheme);

  const choose = (chosen: ThemeChoice) => {
    setTheme(chosen);
    const root = document.documentElement;
    root.classList.toggle('dark', chosen === 'dark');
    root.classList.toggle('light', chosen === 'light');
    document.cookie = `${THEME_COOKIE}=${chosen}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  };

  return (
    <button
      type="button"
      onClick={() => choose(next[theme])}
      aria-label={`Theme: ${theme}. Switch to ${next[theme]}`}
      title={`Theme: ${theme}`}
      className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span aria-hidden>{icon[theme]}</span>
    </button>
  );
}
