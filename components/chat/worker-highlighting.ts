import { LRUCache } from 'lru-cache';
import { bundledLanguagesInfo } from 'shiki/langs';
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult, ThemeInput } from 'streamdown';
import type { HighlightReply, HighlightRequest } from './highlight-worker';

type Highlight = CodeHighlighterPlugin['highlight'];

const languages = new Set(bundledLanguagesInfo.flatMap((language) => [language.id, ...(language.aliases ?? [])]));

/**
 * Streamdown's code plugin, with the highlighting itself done in a Web Worker (highlight-worker.ts):
 * the page asks, keeps the block as plain monospace text (laid out as the highlighted text will be),
 * and fills in the colours when the tokens come back. A block already highlighted is answered at once.
 */
export function workerHighlighting(themes: [ThemeInput, ThemeInput]): CodeHighlighterPlugin {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, (result: HighlightResult) => void>();
  const done = new LRUCache<string, HighlightResult>({ max: 500 });

  const start = () => {
    const started = new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module', name: 'code highlighting' });
    started.onmessage = ({ data: { id, result } }: MessageEvent<HighlightReply>) => {
      waiting.get(id)?.(result);
      waiting.delete(id);
    };
    return started;
  };

  const highlight: Highlight = (options: HighlightOptions, callback) => {
    const key = `${options.language}\n${options.code}`;
    const known = done.get(key);
    if (known) return known;
    worker ??= start();
    const id = nextId++;
    waiting.set(id, (result) => {
      // A block still streaming changes with its next token: only finished blocks are kept.
      if (!options.isIncomplete) done.set(key, result);
      callback?.(result);
    });
    worker.postMessage({ id, options } satisfies HighlightRequest);
    return null;
  };

  return {
    name: 'shiki',
    type: 'code-highlighter',
    highlight,
    getThemes: () => themes,
    getSupportedLanguages: () => [...languages] as ReturnType<CodeHighlighterPlugin['getSupportedLanguages']>,
    supportsLanguage: (language) => languages.has(language.trim().toLowerCase()),
  };
}
