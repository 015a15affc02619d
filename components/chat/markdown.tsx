'use client';

import { lazy, Suspense } from 'react';

// The Markdown pipeline (remark, rehype, sanitiser) is most of the chat's JavaScript: load it after
// the page, so first load stays small. Until then an answer shows as plain text, which is readable.
const loadRenderer = () => import('./markdown-renderer');
const MarkdownRenderer = lazy(loadRenderer);

/** Fetches the renderer ahead of the first answer (called when the page is idle). */
export function preloadMarkdown() {
  void loadRenderer();
}

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<div className="markdown whitespace-pre-wrap">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
