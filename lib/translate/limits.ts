/** Longest text one request translates; the page counts towards it as the user types. */
export const MAX_TRANSLATE_CHARS = 5_000;

export const tones = ['default', 'formal', 'informal'] as const;
export type Tone = (typeof tones)[number];
