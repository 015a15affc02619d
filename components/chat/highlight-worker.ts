/// <reference lib="webworker" />
import { code } from '@streamdown/code';
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from 'streamdown';

/**
 * Shiki on its own thread: loading a grammar and tokenising a code block take hundreds of
 * milliseconds for a large language (TypeScript's grammar alone is 180 KB), which on the page's
 * main thread would freeze typing and scrolling. The page posts the block, this answers with tokens.
 */
export interface HighlightRequest {
  id: number;
  options: HighlightOptions;
}
export interface HighlightReply {
  id: number;
  result: HighlightResult;
}

const worker = self as unknown as DedicatedWorkerGlobalScope;
// Streamdown's view of the plugin: any language name, which Shiki answers as plain text if it has no grammar for it.
const highlighter: CodeHighlighterPlugin = code;

worker.onmessage = ({ data: { id, options } }: MessageEvent<HighlightRequest>) => {
  const reply = (result: HighlightResult) => worker.postMessage({ id, result } satisfies HighlightReply);
  const cached = highlighter.highlight(options, reply);
  if (cached) reply(cached);
};
