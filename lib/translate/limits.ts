/** Longest text one request translates; the page counts towards it as the user types. */
export const MAX_TRANSLATE_CHARS = 5_000;

/**
 * Pause in typing after which the text is translated. Longer than most gaps between keystrokes, so a
 * translation is not started (and thrown away) mid-word; README's Translate section says how it was chosen.
 */
export const TYPING_PAUSE_MS = 350;

export const tones = ['default', 'formal', 'informal'] as const;
export type Tone = (typeof tones)[number];

/**
 * Glossary terms one request may carry. Only terms the text uses are sent, and a text of at most
 * MAX_TRANSLATE_CHARS holds no more distinct words than this, so it bounds the body without ever
 * refusing a real glossary.
 */
export const MAX_REQUEST_GLOSSARY_TERMS = 1_000;
