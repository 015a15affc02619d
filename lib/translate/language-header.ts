/**
 * When asked to detect the source language, the model starts its answer with a short header naming
 * it, e.g. `<lang>fr</lang>`. The server strips the header from the text and sends the code as answer
 * metadata, so the page can say "Detected: French" and the user never sees the header.
 */
export function languageHeader(code: string): string {
  return `<lang>${code}</lang>`;
}

const OPEN = '<lang>';
const CLOSE = '</lang>';
const HEADER = /^\s*<lang>\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\s*<\/lang>/;
/** Longer than any header: past this, text that has not closed its header is not one. */
const MAX_HEADER_CHARS = 40;

export interface HeaderReader {
  /** Takes the next piece of the answer; returns the text to show and, once, the language found. */
  push(delta: string): { text: string; language?: string };
  /** The answer ended: whatever was held back while deciding, if it was not a header. */
  flush(): string;
}

export function createLanguageHeaderReader(): HeaderReader {
  let state: 'deciding' | 'after-header' | 'passing' = 'deciding';
  let held = '';

  return {
    push(delta) {
      if (state === 'passing') return { text: delta };
      if (state === 'after-header') return { text: dropLeadingBlank(delta) };
      held += delta;
      const start = held.trimStart();
      if (start.length === 0 || (start.length < OPEN.length && OPEN.startsWith(start))) return { text: '' };
      if (start.startsWith(OPEN) && !start.includes(CLOSE) && start.length < MAX_HEADER_CHARS) return { text: '' };
      const match = HEADER.exec(held);
      const text = match ? held.slice(match[0].length) : held;
      held = '';
      if (!match) {
        state = 'passing';
        return { text };
      }
      state = 'after-header';
      return { text: dropLeadingBlank(text), language: match[1]?.toLowerCase() };
    },
    flush() {
      const rest = state === 'deciding' ? held : '';
      held = '';
      return rest;
    },
  };

  /** The line break after the header is not part of the translation. */
  function dropLeadingBlank(text: string): string {
    const kept = text.replace(/^\s+/, '');
    if (kept) state = 'passing';
    return kept;
  }
}
