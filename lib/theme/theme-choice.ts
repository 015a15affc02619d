/**
 * The colour theme a person picked. It lives in a cookie, not in localStorage, so the server renders
 * the page in that theme from the first byte: a reload never paints one light frame before going dark.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_COOKIE = 'rill-theme';

export function readThemeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The class on <html>: none for 'system', whose dark mode follows prefers-color-scheme in CSS. */
export function themeClass(theme: ThemeChoice): string | undefined {
  return theme === 'system' ? undefined : theme;
}
